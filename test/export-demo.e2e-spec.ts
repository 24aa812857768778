import { Workbook } from 'exceljs';
import request from 'supertest';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { download } from './helpers/export-fixtures';
import { hasStatus, waitForJob } from './helpers/jobs';

/** The README's export walk-through, offline: a command to a downloadable, scored workbook. */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ env: { SEED_SAMPLE_DATA: 'true' } });
});
afterAll(() => testApp.destroy());

it('finds, scores and exports sample prospects to a spreadsheet from one command', async () => {
  const planned = await request(testApp.server)
    .post('/command')
    .send({
      command:
        'Find VPs of Sales at SaaS companies in Germany with 50-500 employees, score them ' +
        'against our ICP and export them to a spreadsheet',
    })
    .expect(201);
  expect(planned.body.steps.map((step: { action: string }) => step.action)).toEqual([
    'search',
    'score_fit',
    'spreadsheet',
  ]);
  const job = await waitForJob(testApp, planned.body.job_id, hasStatus('succeeded', 'failed'));
  expect(job.status).toBe('succeeded');

  const exports = await request(testApp.server)
    .get('/exports')
    .query({ job_id: planned.body.job_id })
    .expect(200);
  const [exported] = exports.body.items;
  expect(exported.rows).toBeGreaterThan(0);
  const xlsx = await download(testApp.server, `/exports/${exported.id}/download`).expect(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.body as ArrayBuffer);
  const sheet = workbook.getWorksheet('Prospects')!;
  expect(sheet.rowCount).toBe(exported.rows + 1);
  const scores = sheet.getColumn(EXPORT_HEADERS.indexOf('Score') + 1).values.slice(2);
  expect(scores.every((score) => typeof score === 'number' && score >= 50)).toBe(true);
  const countries = sheet.getColumn(EXPORT_HEADERS.indexOf('Country') + 1).values.slice(2);
  expect(new Set(countries)).toEqual(new Set(['Germany']));
});
