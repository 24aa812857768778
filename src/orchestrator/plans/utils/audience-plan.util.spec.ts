import { audienceChange, audiencePlan, thresholdNote } from './audience-plan.util';

const step = (
  agent: string,
  action: string,
  io: { reads?: string[]; writes?: string[] } = {},
  params: Record<string, unknown> = {},
) => ({ agent, action, params, reads: io.reads ?? [], writes: io.writes ?? [] });

const search = step('prospects', 'search', { writes: ['prospects'] }, { titles: ['CTO'] });
const score = (threshold?: number) =>
  step(
    'research',
    'score_fit',
    { reads: ['prospects'], writes: ['prospects'] },
    threshold === undefined ? {} : { threshold },
  );
const draft = step('email', 'draft', { reads: ['prospects'], writes: ['drafts'] });

describe('audiencePlan', () => {
  it('starts from the first search, and notes drafting and the threshold after it', () => {
    expect(audiencePlan({ steps: [search, score(70), draft], context: {} })).toEqual({
      origin: { kind: 'search', step: 0, params: { titles: ['CTO'] } },
      drafts: true,
      enrols: false,
      threshold: 70,
    });
    expect(audiencePlan({ steps: [search, score()], context: {} })?.threshold).toBe(50);
    expect(audiencePlan({ steps: [search], context: {} })).toMatchObject({
      drafts: false,
      threshold: null,
    });
  });

  it('counts a sequence as drafting (its launch drafts the first touches) and enrolling', () => {
    const create = step('sequences', 'create', { reads: ['prospects'], writes: ['sequence'] });
    expect(audiencePlan({ steps: [search, create], context: {} })).toMatchObject({
      drafts: true,
      enrols: true,
    });
  });

  it('starts from an import of context.csv', () => {
    const csv = step('prospects', 'import_csv', { reads: ['csv'], writes: ['prospects'] });
    expect(audiencePlan({ steps: [csv, draft], context: { csv: 'x' } })?.origin).toEqual({
      kind: 'import',
      step: 0,
      params: {},
    });
  });

  it("starts from the context's prospects when a step reads them first", () => {
    const prospects = [{ id: 'p1' }];
    expect(audiencePlan({ steps: [draft], context: { prospects } })).toEqual({
      origin: { kind: 'context', step: null, prospects },
      drafts: true,
      enrols: false,
      threshold: null,
    });
    const set = step('core', 'set_context', { writes: ['prospects'] }, { values: { prospects } });
    expect(audiencePlan({ steps: [set, draft], context: {} })?.origin).toEqual({
      kind: 'context',
      step: 0,
      prospects,
    });
  });

  it('is null for a plan that touches no prospects', () => {
    expect(audiencePlan({ steps: [step('core', 'wait', {}, { seconds: 5 })], context: {} })).toBe(
      null,
    );
  });
});

describe('thresholdNote and audienceChange', () => {
  it('says the counts come before the threshold', () => {
    expect(thresholdNote(70)).toBe(
      'Counted before the fit-score threshold of 70: scoring may leave fewer',
    );
    expect(thresholdNote(null)).toBeNull();
  });

  it('counts ids added and removed, ignoring order', () => {
    expect(audienceChange(['a', 'b', 'c'], ['c', 'b', 'a'])).toEqual({ added: 0, removed: 0 });
    expect(audienceChange(['a', 'b'], ['b', 'c', 'd'])).toEqual({ added: 2, removed: 1 });
  });
});
