import type { SampleRemoval } from '../sample-data/sample-data.service';

/** What DELETE /prospects/sample removed. */
export class SampleRemovalDto {
  /** Sample prospects deleted. @example 1323 */
  removed: number;
  /** Their companies deleted, those no other prospect is at. @example 180 */
  companies_removed: number;

  static from(removal: SampleRemoval): SampleRemovalDto {
    return { removed: removal.prospects, companies_removed: removal.companies };
  }
}
