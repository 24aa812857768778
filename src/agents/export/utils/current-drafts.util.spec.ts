import type { DraftInState } from '../../email/email-state.types';
import type { OutboxMessageView } from '../../email/outbox-view.service';
import { currentDrafts } from './current-drafts.util';

const draft = (id: string, prospect: string): DraftInState => ({
  id,
  prospect_id: prospect,
  to: `${prospect}@example.com`,
  subject: `First subject ${id}`,
  body: `First body ${id}`,
});

const message = (id: string, prospect: string, change: Partial<OutboxMessageView> = {}) => ({
  id,
  prospectId: prospect,
  to: `${prospect}@example.com`,
  subject: `First subject ${id}`,
  body: `First body ${id}`,
  status: 'draft' as const,
  reason: null,
  sentAt: null,
  ...change,
});

describe('currentDrafts', () => {
  it("takes the outbox's text and state, in the job's order", () => {
    const sentAt = new Date('2026-12-03T10:00:00Z');
    const messages = new Map([
      ['d2', message('d2', 'p2', { status: 'sent', sentAt })],
      ['d1', message('d1', 'p1', { subject: 'Edited', body: 'Edited body' })],
    ]);
    expect(currentDrafts([draft('d1', 'p1'), draft('d2', 'p2')], messages)).toEqual([
      { prospectId: 'p1', subject: 'Edited', body: 'Edited body', status: 'draft', sentAt: null },
      {
        prospectId: 'p2',
        subject: 'First subject d2',
        body: 'First body d2',
        status: 'sent',
        sentAt,
      },
    ]);
  });

  it('leaves out drafts that are not in the outbox (deleted, or never there)', () => {
    const messages = new Map([['d1', message('d1', 'p1')]]);
    const drafts = [draft('gone', 'p2'), draft('d1', 'p1'), { ...draft('x', 'p3'), id: undefined }];
    expect(currentDrafts(drafts as DraftInState[], messages).map((d) => d.prospectId)).toEqual([
      'p1',
    ]);
  });
});
