import type { ActionNeed } from './agent.types';
import { isGiven, unmetNeedMessage, unmetNeeds } from './action-needs.util';

const ICP: ActionNeed = { anyOf: ['params.icp', 'state.icp'], what: 'an ideal customer profile' };
const SENDER: ActionNeed = { anyOf: ['state.sender'], what: 'a sender' };

describe('unmetNeeds', () => {
  const unmet = (params: unknown, available: string[] = []) =>
    unmetNeeds({ needs: [ICP, SENDER], params, available: new Set(available) });

  it('is met by any one source: a given parameter or an available state key', () => {
    expect(unmet({ icp: { titles: ['CTO'] } }, ['sender'])).toEqual([]);
    expect(unmet({}, ['icp', 'sender'])).toEqual([]);
    expect(unmet(undefined, ['sender'])).toEqual([ICP]);
    expect(unmet({ icp: { titles: ['CTO'] } })).toEqual([SENDER]);
  });

  it('does not count a parameter that holds nothing, nor params that are not an object', () => {
    expect(unmet({ icp: { titles: [], keywords: ['  '] } }, ['sender'])).toEqual([ICP]);
    expect(unmet({ icp: null }, ['sender'])).toEqual([ICP]);
    expect(unmet(['icp'], ['sender'])).toEqual([ICP]);
  });
});

describe('isGiven', () => {
  it.each<[unknown, boolean]>([
    [undefined, false],
    [null, false],
    ['', false],
    ['  ', false],
    [[], false],
    [[null, ''], false],
    [{}, false],
    [{ titles: [] }, false],
    ['Ana', true],
    [0, true],
    [false, true],
    [['CTO'], true],
    [{ employees_min: 0 }, true],
  ])('%j → %s', (value, expected) => {
    expect(isGiven(value)).toBe(expected);
  });
});

describe('unmetNeedMessage', () => {
  it('names what is needed and every place it may be added', () => {
    expect(unmetNeedMessage('research.score_fit', ICP)).toBe(
      'research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context',
    );
    expect(unmetNeedMessage('email.draft', SENDER)).toBe(
      'email.draft needs a sender: add "sender" to the context',
    );
  });
});
