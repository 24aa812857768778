import { Injectable } from '@nestjs/common';
import type { ProspectInState } from '../prospects/prospect.types';
import { ProspectsService } from '../prospects/prospects.service';
import { SuppressionsService } from './suppressions.service';
import { draftSkipKind, draftSkipReason, ProspectSkip } from './utils/draft-inputs.util';

/** The prospects of a list that get a draft, and why each of the others doesn't. */
export interface DraftRecipients {
  draftable: ProspectInState[];
  skipped: ProspectSkip[];
}

/**
 * Who of a list of prospects gets an email draft: email.draft drafts for exactly these, and a
 * plan's preview counts them. Skipped: no usable email address, id or name, opted out (in the
 * list or in the prospect database), suppressed (address or domain), or an address repeated.
 */
@Injectable()
export class DraftRecipientsService {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly suppressions: SuppressionsService,
  ) {}

  async select(prospects: ProspectInState[]): Promise<DraftRecipients> {
    const ids = prospects.flatMap((prospect) =>
      typeof prospect.id === 'string' ? [prospect.id] : [],
    );
    const optedOut = await this.prospects.optOutFlags(ids);
    const emails = prospects.flatMap((prospect) =>
      typeof prospect.email === 'string' ? [prospect.email] : [],
    );
    const suppressed = await this.suppressions.matchingMany(emails);
    const seen = new Set<string>();
    const draftable: ProspectInState[] = [];
    const skipped: ProspectSkip[] = [];
    for (const prospect of prospects) {
      const email = prospect.email?.trim().toLowerCase() ?? '';
      const invalid = draftSkipReason(prospect);
      if (invalid) skipped.push({ prospect, reason: invalid, kind: draftSkipKind(invalid) });
      else if (optedOut.get(prospect.id)) {
        skipped.push({ prospect, reason: 'opted out', kind: 'opted_out' });
      } else if (suppressed.has(email)) {
        const reason = `suppressed (${suppressed.get(email)})`;
        skipped.push({ prospect, reason, kind: 'suppressed' });
      } else if (seen.has(email)) {
        const reason = 'same email address as an earlier prospect';
        skipped.push({ prospect, reason, kind: 'other' });
      } else draftable.push(prospect);
      seen.add(email);
    }
    return { draftable, skipped };
  }
}
