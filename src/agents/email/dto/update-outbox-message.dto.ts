import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';

/** Absent means unchanged; null is checked (and refused) like any other value. */
const unlessAbsent = ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** Edits to a draft; absent fields stay as they are. */
export class UpdateOutboxMessageDto {
  /** @example A quick idea for Nordlicht Software */
  @unlessAbsent
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  subject?: string;

  /**
   * Plain text; the unsubscribe line is added when it is sent.
   * @example Hi Anna, would a 14-day pilot of our forecasting tool help Nordlicht Software? Best, Ana
   */
  @unlessAbsent
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  body?: string;
}
