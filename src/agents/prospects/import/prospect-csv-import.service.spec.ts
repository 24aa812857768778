import type { PinoLogger } from 'nestjs-pino';
import { Readable } from 'node:stream';
import type { ProspectInput, UpsertOutcome } from '../upsert/prospect-input.types';
import type { ProspectUpsertService } from '../upsert/prospect-upsert.service';
import { IMPORT_BATCH_ROWS, ProspectCsvImportService } from './prospect-csv-import.service';

const csv = (rows: number) =>
  'name,email\n' +
  Array.from({ length: rows }, (_, i) => `Person ${i},person${i}@example.com`).join('\n');

/** The upserts as the import sees them: each call a batch, answered when `answer` says. */
function upsertsThat(answer: (call: number, inputs: ProspectInput[]) => Promise<void>) {
  const calls: { rows: number }[] = [];
  const upserts = {
    upsertMany: async (inputs: ProspectInput[]): Promise<UpsertOutcome[]> => {
      calls.push({ rows: inputs.length });
      await answer(calls.length, inputs);
      return inputs.map((_, i) => ({ action: 'inserted', id: `id-${calls.length}-${i}` }));
    },
    afterBulkWrite: () => Promise.resolve(),
  };
  const logger = { info: () => undefined } as unknown as PinoLogger;
  return {
    calls,
    service: new ProspectCsvImportService(upserts as unknown as ProspectUpsertService, logger),
  };
}

describe('ProspectCsvImportService writing batches while it reads', () => {
  it('reads the next batch while one is written, one write at a time, in file order', async () => {
    // The file as a stream of lines, counting how far the import has pulled it.
    let pulled = 0;
    const lines = function* () {
      yield 'name,email\n';
      for (let i = 0; i < 3 * IMPORT_BATCH_ROWS + 5; i++) {
        pulled = i + 1;
        yield `Person ${i},person${i}@example.com\n`;
      }
    };
    let readWhileWriting = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const { calls, service } = upsertsThat(async (call) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      if (call === 1) {
        // Held until the rows of the next batch have been read (at most 2 s).
        const until = Date.now() + 2000;
        while (pulled < 2 * IMPORT_BATCH_ROWS - 100 && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        readWhileWriting = pulled - IMPORT_BATCH_ROWS;
      }
      inFlight--;
    });
    const result = await service.import(Readable.from(lines()), {
      source: 'test',
      collectIds: true,
    });
    expect(readWhileWriting).toBeGreaterThanOrEqual(IMPORT_BATCH_ROWS - 100);
    expect(result).toMatchObject({
      rows: 3 * IMPORT_BATCH_ROWS + 5,
      inserted: 3 * IMPORT_BATCH_ROWS + 5,
    });
    expect(calls.map((c) => c.rows)).toEqual([
      IMPORT_BATCH_ROWS,
      IMPORT_BATCH_ROWS,
      IMPORT_BATCH_ROWS,
      5,
    ]);
    expect(mostInFlight).toBe(1);
    expect(result.prospectIds?.[0]).toBe('id-1-0');
    expect(result.prospectIds?.at(-1)).toBe('id-4-4');
  });

  it('fails with the error of a failed write, and writes nothing after it', async () => {
    const failure = new Error('the database went away');
    const { calls, service } = upsertsThat((call) =>
      call === 2 ? Promise.reject(failure) : Promise.resolve(),
    );
    await expect(service.import(csv(5 * IMPORT_BATCH_ROWS), { source: 'test' })).rejects.toBe(
      failure,
    );
    expect(calls).toHaveLength(2);
  });

  it('fails with the error of the last batch too, after the file has ended', async () => {
    const failure = new Error('disk full');
    const { service } = upsertsThat((call) =>
      call === 1 ? Promise.reject(failure) : Promise.resolve(),
    );
    await expect(service.import(csv(IMPORT_BATCH_ROWS), { source: 'test' })).rejects.toBe(failure);
  });
});
