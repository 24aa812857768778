import { getRepositoryToken } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import request from 'supertest';
import type { Repository } from 'typeorm';
import { EmailDraftingService } from '../src/agents/email/email-drafting.service';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import { ProspectSetRetention } from '../src/agents/prospects/sets/prospect-set-retention.service';
import {
  ProspectSetEntity,
  ProspectSetMemberEntity,
} from '../src/agents/prospects/sets/prospect-set.entity';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { FitScoringService } from '../src/agents/research/fit-scoring.service';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import { validatePlan } from '../src/orchestrator/agents/plan-validation.util';
import { PlanAudienceService } from '../src/orchestrator/plans/plan-audience.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { download } from './helpers/export-fixtures';
import { createJob, hasStatus, JobBody, waitForJob } from './helpers/jobs';

/**
 * A job over a prospect set: 5,000 prospects, more than PROSPECT_SET_THRESHOLD (1,000), go from
 * step to step as a stored set read in batches of 400, never as copies in the job state.
 */
const PROSPECTS = 5000;
const BATCH = 400;
const BATCHES = Math.ceil(PROSPECTS / BATCH);
/** Every 50th prospect has no email address; the people at co3.example are suppressed. */
const NO_EMAIL = PROSPECTS / 50;
const COMPANIES = 20;
const SUPPRESSED_DOMAIN = 'co3.example';

let t: TestApp;
let suppressed = 0;

function seedInputs() {
  return Array.from({ length: PROSPECTS }, (_, index) => {
    const company = index % COMPANIES;
    const hasEmail = index % 50 !== 49;
    if (hasEmail && company === 3) suppressed += 1;
    return {
      name: `Person ${String(index).padStart(5, '0')}`,
      email: hasEmail ? `person${index}@co${company}.example` : undefined,
      title: index % 2 === 0 ? 'VP of Sales' : 'Head of Marketing',
      company: { name: `Company ${company}`, domain: `co${company}.example`, industry: 'Software' },
    };
  });
}

const SEARCH = { agent: 'prospects', action: 'search', params: { limit: 100_000 } };
const STEPS = [
  SEARCH,
  {
    agent: 'research',
    action: 'score_fit',
    params: { icp: { titles: ['VP of Sales'] }, threshold: 0 },
  },
  { agent: 'email', action: 'draft', params: {} },
  { agent: 'export', action: 'spreadsheet', params: {} },
];
const CONTEXT = { sender: 'Ana from Acme' };

/** Makes the `nth` call of a service method fail once, as a crash mid-step would; counts calls. */
function failOnce<T extends object>(service: T, method: keyof T & string, nth: number) {
  const original = (service[method] as (...args: unknown[]) => unknown).bind(service);
  const calls = { count: 0 };
  jest.spyOn(service, method as never).mockImplementation(((...args: unknown[]) => {
    calls.count += 1;
    if (calls.count === nth) return Promise.reject(new Error('lost the connection mid-set'));
    return original(...args);
  }) as never);
  return calls;
}

async function runJob(steps: unknown[], timeoutMs = 120_000): Promise<JobBody> {
  const jobId = await createJob(t, steps as never, CONTEXT);
  return waitForJob(t, jobId, hasStatus('succeeded', 'failed'), timeoutMs);
}

beforeAll(async () => {
  t = await createTestApp({
    env: {
      PROSPECT_SET_THRESHOLD: '1000',
      PROSPECT_SET_BATCH_SIZE: String(BATCH),
      CHECKPOINT_RETENTION_DAYS: '1',
    },
  });
  await t.app.get(ProspectUpsertService).upsertMany(seedInputs());
  await request(t.server).post('/suppressions').send({ value: SUPPRESSED_DOMAIN }).expect(201);
}, 60_000);
afterAll(() => t.destroy());

describe('a job over a prospect set', () => {
  let job: JobBody;
  let scoreCalls: { count: number };
  let draftCalls: { count: number };

  beforeAll(async () => {
    // Each of the two list steps loses its third batch once: the retry must resume, not redo.
    scoreCalls = failOnce(t.app.get(FitScoringService), 'score', 3);
    draftCalls = failOnce(t.app.get(EmailDraftingService), 'draft', 3);
    job = await runJob(STEPS);
    jest.restoreAllMocks();
  }, 150_000);

  it('searches, scores, drafts and exports every prospect', () => {
    expect({ status: job.status, error: job.error }).toEqual({ status: 'succeeded', error: null });
    const summaries = job.steps.map((step) => step.summary as string);
    expect(summaries[0]).toMatch(/^Found 5000 prospects \(prospect set [0-9a-f-]{36}\)$/);
    expect(summaries[1]).toMatch(/^Scored 5000, kept 5000 at ≥ 0 \(prospect set /);
    const drafted = PROSPECTS - NO_EMAIL - suppressed;
    expect(summaries[2]).toBe(
      `Drafted ${drafted} of 5000; skipped ${NO_EMAIL + suppressed} ` +
        `(${suppressed} suppressed, ${NO_EMAIL} no email address)`,
    );
    expect(summaries[3]).toMatch(/^Exported 5000 prospects to XLSX and CSV/);
  });

  it('resumes a step that failed mid-set after its last finished batch', () => {
    // Without resuming, the retry would score and draft the two batches before the failure again.
    expect(job.steps[1].attempts).toBe(2);
    expect(scoreCalls.count).toBe(BATCHES + 1);
    expect(job.steps[2].attempts).toBe(2);
    expect(draftCalls.count).toBe(BATCHES + 1);
  });

  it('keeps the state and every checkpoint small: references, not copies', async () => {
    const checkpoints = (await request(t.server).get(`/jobs/${job.job_id}/checkpoints`).expect(200))
      .body as { state: Record<string, unknown> }[];
    expect(checkpoints).toHaveLength(4);
    // A list of 5,000 prospects would be about 1.5 MB; the references do not grow with N.
    for (const checkpoint of checkpoints) {
      expect(JSON.stringify(checkpoint).length).toBeLessThan(3000);
    }
    const state = checkpoints[3].state;
    expect(state.prospects).toEqual({ prospect_set: { id: expect.any(String), count: 5000 } });
    expect(state.drafts).toEqual({
      outbox_drafts: { step_key: `${job.job_id}:2`, count: PROSPECTS - NO_EMAIL - suppressed },
    });
  });

  it('stores each set once, without duplicates, and one draft per reachable prospect', async () => {
    const sets = t.app.get<Repository<ProspectSetEntity>>(getRepositoryToken(ProspectSetEntity));
    const members = t.app.get<Repository<ProspectSetMemberEntity>>(
      getRepositoryToken(ProspectSetMemberEntity),
    );
    const ofJob = await sets.find({
      where: { jobId: job.job_id as string },
      order: { stepIndex: 'ASC' },
    });
    expect(ofJob.map((set) => [set.stepIndex, set.status, set.count])).toEqual([
      [0, 'complete', 5000],
      [1, 'complete', 5000],
    ]);
    const scored = await members.find({
      where: { setId: ofJob[1].id },
      order: { position: 'ASC' },
    });
    expect(new Set(scored.map((member) => member.prospectId)).size).toBe(PROSPECTS);
    expect(scored.map((member) => member.position)).toEqual(
      Array.from({ length: PROSPECTS }, (_, index) => index + 1),
    );
    // Best first: the VPs of Sales the ICP asks for come before everyone else.
    const scores = scored.map((member) => member.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[PROSPECTS - 1]);
    const outbox = await request(t.server).get(`/outbox?job_id=${job.job_id}&limit=1`).expect(200);
    expect(outbox.body.total).toBe(PROSPECTS - NO_EMAIL - suppressed);
  });

  it('streams all rows to the CSV and the XLSX file', async () => {
    const exported = (await request(t.server).get(`/jobs/${job.job_id}/checkpoints/4`).expect(200))
      .body.state.export as { rows: number; files: { format: string; url: string }[] };
    expect(exported.rows).toBe(PROSPECTS);
    const csv = (await download(t.server, exported.files[1].url).expect(200)).body as Buffer;
    const lines = csv.toString('utf8').split('\r\n');
    expect(lines).toHaveLength(PROSPECTS + 2); // header, rows, and the empty after the last CRLF
    expect(lines[0]).toBe(`\uFEFF${EXPORT_HEADERS.join(',')}`);
    const names = new Set(lines.slice(1, -1).map((line) => line.split(',')[0]));
    expect(names.size).toBe(PROSPECTS);
    const withSubject = lines.filter((line) => line.includes('Person') && line.includes(','));
    expect(withSubject.length).toBe(PROSPECTS);
    const xlsx = (await download(t.server, exported.files[0].url).expect(200)).body as Buffer;
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Prospects')!;
    expect(sheet.rowCount).toBe(PROSPECTS + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const subject = EXPORT_HEADERS.indexOf('Email subject') + 1;
    const drafted = [...Array(PROSPECTS).keys()].filter(
      (row) => sheet.getRow(row + 2).getCell(subject).value,
    ).length;
    expect(drafted).toBe(PROSPECTS - NO_EMAIL - suppressed);
  });

  it("removes the job's sets with its checkpoints (retention)", async () => {
    const sets = t.app.get<Repository<ProspectSetEntity>>(getRepositoryToken(ProspectSetEntity));
    const members = t.app.get<Repository<ProspectSetMemberEntity>>(
      getRepositoryToken(ProspectSetMemberEntity),
    );
    const retention = t.app.get(ProspectSetRetention);
    expect(await retention.prune(new Date())).toBe(0);
    const ids = (await sets.findBy({ jobId: job.job_id as string })).map((set) => set.id);
    const later = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    expect(await retention.prune(later)).toBeGreaterThanOrEqual(2);
    expect(await sets.findBy({ jobId: job.job_id as string })).toEqual([]);
    for (const id of ids) expect(await members.countBy({ setId: id })).toBe(0);
  });
});

describe('the limit of a search', () => {
  it('honours a limit above 1,000, storing the result as a set', async () => {
    const job = await runJob([
      { ...SEARCH, params: { titles: ['VP of Sales'], limit: 1500, sort: '-score' } },
    ]);
    expect({ status: job.status, error: job.error }).toEqual({ status: 'succeeded', error: null });
    expect(job.steps[0].summary).toMatch(
      /^Found 1500 of 2500 matching prospects \(limit 1500\) \(prospect set /,
    );
  });

  it('still writes a small result as a list', async () => {
    const job = await runJob([{ ...SEARCH, params: { titles: ['VP of Sales'], limit: 3 } }]);
    const state = (await request(t.server).get(`/jobs/${job.job_id}/checkpoints/1`).expect(200))
      .body.state as { prospects: unknown[] };
    expect(state.prospects).toHaveLength(3);
  });
});

describe('the audience of a plan over a prospect set', () => {
  it('counts exactly whom the run drafts for, across all pages', async () => {
    const registry = t.app.get(AgentRegistry);
    const steps = [SEARCH, { agent: 'email', action: 'draft', params: {} }];
    const validated = validatePlan({
      plan: { objective: 'Test', steps },
      catalog: registry,
      initialKeys: Object.keys(CONTEXT),
    });
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    const computed = await t.app.get(PlanAudienceService).compute(validated.plan, CONTEXT);
    expect(computed?.audience).toMatchObject({
      count: PROSPECTS,
      total_matching: PROSPECTS,
      recipients: PROSPECTS - NO_EMAIL - suppressed,
      excluded: { no_email: NO_EMAIL, suppressed, beyond_limit: 0 },
    });
    expect(computed?.audience.first_10).toHaveLength(10);
    expect(new Set(computed?.ids).size).toBe(PROSPECTS);
    const run = await runJob(steps);
    const outbox = await request(t.server).get(`/outbox?job_id=${run.job_id}&limit=1`).expect(200);
    expect(outbox.body.total).toBe(computed?.audience.recipients);
  });
});
