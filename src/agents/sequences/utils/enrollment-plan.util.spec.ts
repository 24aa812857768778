import {
  checkPlaces,
  checkProspects,
  inGivenOrder,
  type HeldPlace,
  type ProspectFacts,
} from './enrollment-plan.util';

const reachable: ProspectFacts = { email: 'ana@acme.example', optedOut: false, isSample: false };

describe('checkProspects', () => {
  const prospects = new Map<string, ProspectFacts>([
    ['ok', reachable],
    ['sample', { ...reachable, email: 'sam@sample.example', isSample: true, optedOut: true }],
    ['out', { ...reachable, email: 'out@acme.example', optedOut: true }],
    ['none', { ...reachable, email: null }],
    ['blank', { ...reachable, email: '  ' }],
    ['invalid', { ...reachable, email: 'not-an-address' }],
    ['blocked', { ...reachable, email: 'Bo@Blocked.example' }],
  ]);
  const suppressed = new Map([['bo@blocked.example', 'blocked.example']]);

  it('keeps reachable prospects in order, each once, and names why each other one is skipped', () => {
    const ids = ['ok', 'missing', 'sample', 'out', 'none', 'blank', 'invalid', 'blocked', 'ok'];
    const { candidates, skipped } = checkProspects({ ids, prospects, suppressed });
    expect(candidates).toEqual(['ok']);
    expect(skipped.map(({ prospectId, reason }) => [prospectId, reason])).toEqual([
      ['missing', 'unknown_prospect'],
      ['sample', 'sample_data'],
      ['out', 'opted_out'],
      ['none', 'no_email'],
      ['blank', 'no_email'],
      ['invalid', 'no_email'],
      ['blocked', 'suppressed'],
    ]);
    expect(skipped.find((skip) => skip.prospectId === 'blocked')!.message).toBe(
      'suppressed (blocked.example)',
    );
  });
});

describe('checkPlaces', () => {
  const place = (prospectId: string, sequenceId: string, oneActiveSequence = true): HeldPlace => ({
    prospectId,
    sequenceId,
    sequenceName: `Sequence ${sequenceId}`,
    oneActiveSequence,
  });

  it('skips a prospect already active or paused in this sequence', () => {
    const result = checkPlaces({
      sequenceId: 'A',
      oneActiveSequence: false,
      candidates: ['p1', 'p2'],
      held: [place('p1', 'A')],
    });
    expect(result.enrol).toEqual(['p2']);
    expect(result.skipped).toEqual([
      { prospectId: 'p1', reason: 'already_enrolled', message: expect.any(String) },
    ]);
  });

  it('skips a prospect in another sequence when this sequence has the rule on', () => {
    const result = checkPlaces({
      sequenceId: 'A',
      oneActiveSequence: true,
      candidates: ['p1'],
      held: [place('p1', 'B', false)],
    });
    expect(result.enrol).toEqual([]);
    expect(result.skipped[0]).toMatchObject({ reason: 'in_other_sequence' });
    expect(result.skipped[0].message).toContain('"Sequence B" (B)');
  });

  it('skips a prospect in another sequence that has the rule on, whatever this one says', () => {
    const result = checkPlaces({
      sequenceId: 'A',
      oneActiveSequence: false,
      candidates: ['p1'],
      held: [place('p1', 'B', true)],
    });
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['in_other_sequence']);
  });

  it('enrols a prospect in other sequences when neither has the rule on', () => {
    const result = checkPlaces({
      sequenceId: 'A',
      oneActiveSequence: false,
      candidates: ['p1'],
      held: [place('p1', 'B', false), place('p1', 'C', false)],
    });
    expect(result).toEqual({ enrol: ['p1'], skipped: [] });
  });
});

describe('inGivenOrder', () => {
  it('orders skips as their prospects were given', () => {
    const skip = (prospectId: string) =>
      ({ prospectId, reason: 'opted_out', message: 'opted out' }) as const;
    expect(inGivenOrder(['c', 'a', 'b'], [skip('a'), skip('b'), skip('c')])).toEqual([
      skip('c'),
      skip('a'),
      skip('b'),
    ]);
  });
});
