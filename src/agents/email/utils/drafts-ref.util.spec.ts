import { draftsRefOf, toDraftsRef } from './drafts-ref.util';

describe('draftsRefOf', () => {
  it('reads back what toDraftsRef wrote', () => {
    const ref = JSON.parse(JSON.stringify(toDraftsRef('job-1:2', 4800)));
    expect(draftsRefOf(ref)).toEqual({ stepKey: 'job-1:2', count: 4800 });
  });

  it('answers undefined for a list of drafts and for anything else', () => {
    expect(draftsRefOf([{ id: 'm1', prospect_id: 'p1' }])).toBeUndefined();
    expect(draftsRefOf(null)).toBeUndefined();
    expect(draftsRefOf({ outbox_drafts: { count: 1 } })).toBeUndefined();
    expect(draftsRefOf({ outbox_drafts: { step_key: '' } })).toBeUndefined();
  });
});
