import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProspectImportEntity } from '../src/agents/prospects/import/progress/prospect-import.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * An import left running by a process that stopped (its lease passed) is marked interrupted when
 * the service starts again; one whose lease is live (another replica's) is left running.
 */
let testApp: TestApp | undefined;
afterEach(() => testApp?.destroy());

const runningImport = (id: string, leaseUntil: Date): ProspectImportEntity => ({
  id,
  status: 'running',
  source: 'csv',
  rowsRead: 5210,
  rowsInserted: 4000,
  rowsUpdated: 0,
  rowsRejected: 3,
  warnings: 0,
  cancelRequested: false,
  error: null,
  startedAt: new Date(Date.now() - 60_000),
  updatedAt: new Date(Date.now() - 45_000),
  finishedAt: null,
  leaseUntil,
});

it('marks an import whose process stopped interrupted on restart, keeping its counts', async () => {
  const first = await createTestApp();
  const [crashed, elsewhere] = [randomUUID(), randomUUID()];
  // As a process that crashed left them: still running, one lease passed, one still live.
  await first.app
    .get(DataSource)
    .getRepository(ProspectImportEntity)
    .insert([
      runningImport(crashed, new Date(Date.now() - 15_000)),
      runningImport(elsewhere, new Date(Date.now() + 600_000)),
    ]);
  await first.close();

  testApp = await createTestApp({ dir: first.dir });
  const left = await request(testApp.server).get(`/prospects/imports/${crashed}`).expect(200);
  expect(left.body).toMatchObject({
    status: 'interrupted',
    rows_read: 5210,
    rows_written: 4000,
    rows_rejected: 3,
    finished_at: expect.any(String),
    error: expect.stringContaining('The service stopped during the import'),
  });
  const live = await request(testApp.server).get(`/prospects/imports/${elsewhere}`).expect(200);
  expect(live.body).toMatchObject({ status: 'running', finished_at: null });
  const cancel = await request(testApp.server)
    .post(`/prospects/imports/${crashed}/cancel`)
    .expect(409);
  expect(cancel.body.message).toBe(`The import "${crashed}" is not running: it is interrupted`);
});
