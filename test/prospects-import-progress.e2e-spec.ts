import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { IMPORT_BATCH_ROWS } from '../src/agents/prospects/import/prospect-csv-import.service';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { until } from './helpers/service-http';
import { PEOPLE_HEADER, peopleRows, streamUpload } from './helpers/streamed-upload';

/**
 * POST /prospects/import's progress record: visible while the upload streams, cancelled between
 * batches (here or from another replica), refused past IMPORT_MAX_BYTES while streaming, and
 * marked interrupted after a restart.
 */
const MAX_BYTES = 1024 * 1024;
// Thousands of rows streamed in steps: slower than most suites on a busy machine.
jest.setTimeout(120_000);
let testApp: TestApp;
let dataSource: DataSource;
let baseUrl: string;

beforeAll(async () => {
  testApp = await createTestApp({ env: { IMPORT_MAX_BYTES: String(MAX_BYTES) } });
  dataSource = testApp.app.get(DataSource);
  await testApp.app.listen(0, '127.0.0.1');
  baseUrl = await testApp.app.getUrl();
  baseUrl = baseUrl.replace('[::1]', '127.0.0.1');
});
afterAll(() => testApp.destroy());
beforeEach(async () => {
  await dataSource.createQueryBuilder().delete().from(ProspectEntity).execute();
  await dataSource.createQueryBuilder().delete().from(CompanyEntity).execute();
});

const status = async (id: string) =>
  (await request(testApp.server).get(`/prospects/imports/${id}`).expect(200)).body as Record<
    string,
    unknown
  >;
const statusWhere = (id: string, done: (body: Record<string, unknown>) => boolean) =>
  until(
    `import ${id}`,
    async () => {
      const body = await status(id);
      return done(body) ? body : undefined;
    },
    60_000,
    50,
  );
const prospectCount = () => dataSource.getRepository(ProspectEntity).count();

describe('import progress', () => {
  it('shows the counts while the upload streams, then the end', async () => {
    const id = randomUUID();
    const upload = streamUpload(baseUrl, `/prospects/import?import_id=${id}&source=fair`);
    await upload.write(PEOPLE_HEADER + peopleRows(0, IMPORT_BATCH_ROWS + 500));
    // csv-parse holds a chunk's last row until more arrives: all but that one are read.
    const running = await statusWhere(id, (body) => body.rows_read === IMPORT_BATCH_ROWS + 499);
    expect(running).toMatchObject({
      id,
      status: 'running',
      source: 'fair',
      rows_written: IMPORT_BATCH_ROWS,
      rows_inserted: IMPORT_BATCH_ROWS,
      rows_rejected: 0,
      cancel_requested: false,
      finished_at: null,
    });
    const listed = await request(testApp.server).get('/prospects/imports?limit=5').expect(200);
    expect(listed.body.imports[0]).toMatchObject({ id, status: 'running' });

    await upload.write(`${peopleRows(5000, 100)},no-name-nor-email,,\n`);
    upload.end();
    const answer = await upload.answer;
    expect(answer.status).toBe(200);
    expect(answer.headers['import-id']).toBe(id);
    expect(answer.body).toMatchObject({ import_id: id, rows: 2601, inserted: 2600, skipped: 1 });
    expect(await status(id)).toMatchObject({
      status: 'completed',
      rows_read: 2601,
      rows_written: 2600,
      rows_rejected: 1,
      finished_at: expect.any(String),
    });
  });

  it('names the import of an answer without import_id, and refuses an id taken', async () => {
    const answer = await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', 'text/csv')
      .send(PEOPLE_HEADER + peopleRows(0, 3))
      .expect(200);
    expect(answer.headers['import-id']).toBe(answer.body.import_id);
    expect(await status(answer.body.import_id)).toMatchObject({
      status: 'completed',
      rows_written: 3,
    });
    const again = await request(testApp.server)
      .post(`/prospects/import?import_id=${answer.body.import_id}`)
      .set('content-type', 'text/csv')
      .send(PEOPLE_HEADER + peopleRows(0, 3))
      .expect(409);
    expect(again.body.error).toBe('import_id_taken');
  });

  it('answers 400 for a bad id and 404 for an unknown one', async () => {
    await request(testApp.server).get('/prospects/imports/nope').expect(400);
    const missing = await request(testApp.server).get(`/prospects/imports/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('import_not_found');
    await request(testApp.server).post(`/prospects/imports/${randomUUID()}/cancel`).expect(404);
    await request(testApp.server).post('/prospects/import?import_id=12').expect(400);
    await request(testApp.server).get('/prospects/imports?limit=0').expect(400);
  });
});

describe('cancel', () => {
  it('stops a stalled upload at once, leaving whole batches only', async () => {
    const id = randomUUID();
    const upload = streamUpload(baseUrl, `/prospects/import?import_id=${id}`);
    await upload.write(PEOPLE_HEADER + peopleRows(0, 2 * IMPORT_BATCH_ROWS + 700));
    await statusWhere(id, (body) => body.rows_read === 2 * IMPORT_BATCH_ROWS + 699);

    const cancel = await request(testApp.server)
      .post(`/prospects/imports/${id}/cancel`)
      .expect(200);
    expect(cancel.body).toMatchObject({ id, cancel_requested: true });
    const answer = await upload.answer;
    upload.end();
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: 'import_cancelled',
      details: { inserted: 2 * IMPORT_BATCH_ROWS, updated: 0 },
    });
    expect(await prospectCount()).toBe(2 * IMPORT_BATCH_ROWS);
    expect(await status(id)).toMatchObject({
      status: 'cancelled',
      rows_written: 2 * IMPORT_BATCH_ROWS,
      finished_at: expect.any(String),
    });
    const late = await request(testApp.server).post(`/prospects/imports/${id}/cancel`).expect(409);
    expect(late.body.error).toBe('import_not_running');
  });

  it('stops at the next batch when another replica asked (the flag in the table)', async () => {
    const id = randomUUID();
    const upload = streamUpload(baseUrl, `/prospects/import?import_id=${id}`);
    await upload.write(PEOPLE_HEADER + peopleRows(0, IMPORT_BATCH_ROWS + 10));
    await statusWhere(id, (body) => body.rows_written === IMPORT_BATCH_ROWS);
    await dataSource.query(
      `UPDATE prospect_imports SET cancel_requested = ${testEngineTrue()} WHERE id = '${id}'`,
    );
    // The rows keep coming; the batch they would fill is not written.
    for (let i = 0; i < 6; i++) await upload.write(peopleRows(10_000 + i * 500, 500));
    const answer = await upload.answer;
    upload.end();
    expect(answer.status).toBe(409);
    const written = (answer.body.details as { inserted: number }).inserted;
    expect(written % IMPORT_BATCH_ROWS).toBe(0);
    expect(await prospectCount()).toBe(written);
    expect(await status(id)).toMatchObject({ status: 'cancelled', rows_written: written });
  });
});

describe('IMPORT_MAX_BYTES while streaming', () => {
  it('answers 413 once a chunked body passes the limit, and records the import as failed', async () => {
    const id = randomUUID();
    const upload = streamUpload(baseUrl, `/prospects/import?import_id=${id}`);
    await upload.write(PEOPLE_HEADER);
    let answered = false;
    void upload.answer.then(() => (answered = true));
    const chunk = peopleRows(0, 1000);
    for (let sent = 0; sent <= 2 * MAX_BYTES && !answered; sent += chunk.length) {
      await upload.write(chunk);
    }
    upload.end();
    const answer = await upload.answer;
    expect(answer.status).toBe(413);
    expect(answer.body.message).toBe(
      `The upload is larger than ${MAX_BYTES} bytes (IMPORT_MAX_BYTES)`,
    );
    expect(await status(id)).toMatchObject({
      status: 'failed',
      error: `The upload is larger than ${MAX_BYTES} bytes (IMPORT_MAX_BYTES)`,
    });
  });
});

const testEngineTrue = () => (dataSource.options.type === 'postgres' ? 'true' : '1');
