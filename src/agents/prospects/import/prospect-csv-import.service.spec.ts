import type { PinoLogger } from 'nestjs-pino';
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

describe('ProspectCsvImportService when a batch cannot be written', () => {
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
