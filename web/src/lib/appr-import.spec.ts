import {
  importSuppressions,
  MAX_IMPORT_CHUNK,
  parseSuppressionList,
  type ChunkResult,
} from './appr-import';

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

/** A fake POST /suppressions/import: `b@…` is listed already, values without a dot are invalid. */
async function fakeImport(chunk: string[]): Promise<ChunkResult> {
  const result: ChunkResult = { added: 0, already_present: 0, invalid: 0, skipped: [] };
  chunk.forEach((value, i) => {
    if (value.startsWith('b@')) {
      result.already_present += 1;
      result.skipped.push({
        row: i + 1,
        value,
        outcome: 'already_present',
        reason: 'already on the suppression list',
      });
    } else if (!value.includes('.')) {
      result.invalid += 1;
      result.skipped.push({ row: i + 1, value, outcome: 'invalid', reason: 'not an address' });
    } else result.added += 1;
  });
  return result;
}

describe('importSuppressions', () => {
  it('sends chunks, counts added, already listed and refused, numbers rows in the whole list', async () => {
    const chunks: number[] = [];
    const seen: number[] = [];
    const result = await importSuppressions(
      ['a@x.test', 'b@x.test', 'nope', 'c@x.test', 'b@y.test'],
      async (chunk) => {
        chunks.push(chunk.length);
        return fakeImport(chunk);
      },
      (progress) => seen.push(progress.done),
      { chunkSize: 2 },
    );
    expect(chunks).toEqual([2, 2, 1]);
    expect(seen).toEqual([0, 2, 4, 5]);
    expect(result).toMatchObject({ done: 5, total: 5, added: 2, alreadyListed: 2 });
    expect(result.refused).toEqual([
      { row: 3, value: 'nope', outcome: 'invalid', reason: 'not an address' },
    ]);
    expect(result.skipped.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'already_present'],
      [3, 'invalid'],
      [5, 'already_present'],
    ]);
  });

  it('never sends more than the endpoint takes', async () => {
    const sizes: number[] = [];
    const values = Array.from({ length: MAX_IMPORT_CHUNK + 5 }, (_, i) => `u${i}@x.test`);
    await importSuppressions(
      values,
      async (chunk) => {
        sizes.push(chunk.length);
        return { added: chunk.length, already_present: 0, invalid: 0, skipped: [] };
      },
      () => undefined,
      { chunkSize: 50_000 },
    );
    expect(sizes).toEqual([MAX_IMPORT_CHUNK, 5]);
  });

  it('refuses a failed chunk with its reason and goes on; stops when aborted', async () => {
    const failed = await importSuppressions(
      ['a.test', 'b.test', 'c.test'],
      async (chunk) => {
        if (chunk[0] === 'a.test') throw new Error('The service is down');
        return fakeImport(chunk);
      },
      () => undefined,
      { chunkSize: 2, describe: (error) => (error as Error).message },
    );
    expect(failed.refused.map((row) => [row.row, row.reason])).toEqual([
      [1, 'The service is down'],
      [2, 'The service is down'],
    ]);
    expect(failed.added).toBe(1);

    const controller = new AbortController();
    const result = await importSuppressions(
      ['a.test', 'b.test', 'c.test'],
      async (chunk) => {
        controller.abort();
        return fakeImport(chunk);
      },
      () => undefined,
      { chunkSize: 1, signal: controller.signal },
    );
    expect(result.done).toBe(1);
  });
});
