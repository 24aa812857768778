import { importSuppressions, parseSuppressionList, type AddOutcome } from './appr-import';

describe('parseSuppressionList', () => {
  it('splits lines, commas and spaces, lowercases and drops duplicates and a header', () => {
    expect(
      parseSuppressionList(
        'email\nAna@Example.com, bob@example.com;\n\n"acme.test" ana@example.com',
      ),
    ).toEqual(['ana@example.com', 'bob@example.com', 'acme.test']);
    expect(parseSuppressionList('  \n ')).toEqual([]);
  });
});

describe('importSuppressions', () => {
  it('adds one by one and counts added, already listed and refused', async () => {
    const outcomes: Record<string, AddOutcome> = {
      'a@x.test': { kind: 'added' },
      'b@x.test': { kind: 'already' },
      nope: { kind: 'refused', reason: 'not an email address or a domain' },
    };
    const seen: number[] = [];
    const result = await importSuppressions(
      Object.keys(outcomes),
      async (value) => outcomes[value],
      (progress) => seen.push(progress.done),
    );
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(result).toEqual({
      done: 3,
      total: 3,
      added: 1,
      alreadyListed: 1,
      refused: [{ value: 'nope', reason: 'not an email address or a domain' }],
    });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const result = await importSuppressions(
      ['a.test', 'b.test', 'c.test'],
      async () => {
        controller.abort();
        return { kind: 'added' };
      },
      () => undefined,
      controller.signal,
    );
    expect(result.done).toBe(1);
  });
});
