import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { InboundIntakeService } from '../src/agents/mailbox/intake/inbound-intake.service';
import { ImportProgressService } from '../src/agents/prospects/import/progress/import-progress.service';
import { JOB_EVENT_TYPES } from '../src/orchestrator/jobs/events/job-event-types';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  draftAndWaitForApproval,
  OFFER,
  outboxOf,
  SENDER,
  storeProspects,
} from './helpers/email-flow';
import { binary, exportProspects } from './helpers/export-fixtures';
import { createJob, hasStatus, parseSse, waitForJob } from './helpers/jobs';
import {
  baseMediaType,
  bodyExamples,
  ExampleRequest,
  exampleRequest,
  mediaTypesOf,
  OpenApiDocument,
  Operation,
  operationsOf,
  parameterExample,
  responseChecker,
  successStatuses,
} from './helpers/openapi-examples';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Swagger UI's "Try it out" on a fresh installation (sample data, offline planner, nothing
 * configured): every operation of the OpenAPI document, sent with its examples (path parameters,
 * query parameters, each request body example), answers its documented success status and media
 * type, with a body its schema accepts. What an example needs (a job waiting for approval, a drafted email, an export…) is created
 * first; path parameters without an example (ids the server makes) take what was created. The
 * unsubscribe link needs a message really sent: that runs against the loopback SMTP server.
 */

interface Sent {
  status: number;
  contentType: string;
  /** Parsed JSON, or the raw bytes. */
  body: unknown;
  raw: Buffer;
}

interface Fixture {
  /** The service to send it to: the fresh one, or the one sending through the loopback SMTP server. */
  app?: 'mailing';
  /** Creates what the examples need; answers the path parameters that have no example. */
  prepare?: (t: TestApp, document: OpenApiDocument) => Promise<Record<string, string>>;
  /** The success status, when the operation documents more than one 2xx. */
  status?: number;
  /** More to check about the answer. */
  check?: (sent: Sent) => void;
}

const smtp = new TestSmtpServer();
let fresh: TestApp;
let mailing: TestApp;
let document: OpenApiDocument;
let checkResponse: ReturnType<typeof responseChecker>;

beforeAll(async () => {
  await smtp.start();
  [fresh, mailing] = await Promise.all([
    createTestApp({ env: { SEED_SAMPLE_DATA: 'true' } }),
    createSendingTestApp(smtp),
  ]);
  document = (await request(fresh.server).get('/docs-json').expect(200)).body as OpenApiDocument;
  checkResponse = responseChecker(document);
});
afterAll(async () => {
  await Promise.all([fresh?.destroy(), mailing?.destroy()]);
  await smtp.stop();
});

/** The example of a path parameter, read from the document (so setup and example agree). */
function pathExample(path: string, name: string): string {
  const parameters = Object.values(document.paths[path]).flatMap((op) => op.parameters ?? []);
  const parameter = parameters.find((p: { name: string }) => p.name === name);
  return String(parameterExample(parameter));
}

const contextId = () => pathExample('/context/{job_id}', 'job_id');
const suppressedValue = () => pathExample('/suppressions/{value}', 'value');

async function ensureContext(t: TestApp): Promise<Record<string, string>> {
  const body = { job_id: contextId(), job_type: 'prospecting', context_data: {} };
  const response = await request(t.server).post('/context').send(body);
  expect([201, 409]).toContain(response.status);
  return {};
}

async function jobIn(t: TestApp, statuses: string[], steps: Parameters<typeof createJob>[1]) {
  const jobId = await createJob(t, steps);
  const job = await waitForJob(t, jobId, hasStatus(...statuses));
  expect(statuses).toContain(job.status);
  return { job_id: jobId };
}

const finishedJob = (t: TestApp) =>
  jobIn(t, ['succeeded'], [{ agent: 'core', action: 'set_context', params: { values: { a: 1 } } }]);
const waitingJob = (t: TestApp) =>
  jobIn(t, ['waiting_approval'], [{ agent: 'core', action: 'review', params: {} }]);

async function newProspectId(t: TestApp): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const [prospect] = await storeProspects(t, [
    { name: `Ola Exempel ${tag}`, email: `ola.${tag}@examples-walk.example` },
  ]);
  return prospect.id;
}

async function draftedMessage(t: TestApp): Promise<Record<string, string>> {
  const tag = randomUUID().slice(0, 8);
  const prospects = await storeProspects(t, [
    { name: `Ida Exempel ${tag}`, email: `ida.${tag}@examples-walk.example` },
  ]);
  const { job_id: jobId } = await jobIn(
    t,
    ['succeeded'],
    [
      {
        agent: 'core',
        action: 'set_context',
        params: { values: { prospects, sender: SENDER, offer: OFFER } },
      },
      { agent: 'email', action: 'draft', params: {} },
    ],
  );
  const [message] = await outboxOf(t, jobId);
  return { id: message.id };
}

async function exportOf(t: TestApp): Promise<Record<string, string>> {
  const { job_id: jobId } = await jobIn(
    t,
    ['succeeded'],
    [
      {
        agent: 'core',
        action: 'set_context',
        params: { values: { prospects: exportProspects } },
      },
      { agent: 'export', action: 'spreadsheet', params: {} },
    ],
  );
  const listed = await request(t.server).get('/exports').query({ job_id: jobId }).expect(200);
  return { id: listed.body.items[0].id };
}

/** Sends a message to a new prospect through the loopback SMTP server; answers its link's token. */
async function unsubscribeToken(t: TestApp): Promise<Record<string, string>> {
  const email = `una.${randomUUID().slice(0, 8)}@examples-walk.example`;
  const prospects = await storeProspects(t, [{ name: 'Una Exempel', email }]);
  const { jobId } = await draftAndWaitForApproval(t, prospects);
  expect((await approveAndFinish(t, jobId)).status).toBe('succeeded');
  const link = smtp.to(email)[0].header('list-unsubscribe')!.replace(/^<|>$/g, '');
  return { token: decodeURIComponent(link.split('/unsubscribe/')[1]) };
}

/** A plan previewed (POST /command with `"run": false`), not run yet. */
async function previewedPlan(t: TestApp): Promise<Record<string, string>> {
  const response = await request(t.server)
    .post('/command')
    .send({ command: 'Find VPs of Sales in Germany', run: false })
    .expect(200);
  return { plan_id: response.body.plan_id };
}

const SEQUENCE_BODY = {
  name: 'Examples walk',
  steps: [{ type: 'email', subject: 'Hi {{first_name}}', body: 'Hello {{first_name}}' }],
};

async function newSequence(t: TestApp): Promise<Record<string, string>> {
  const response = await request(t.server).post('/sequences').send(SEQUENCE_BODY).expect(201);
  return { id: response.body.id };
}

async function pausedSequence(t: TestApp): Promise<Record<string, string>> {
  const { id } = await newSequence(t);
  await request(t.server).post(`/sequences/${id}/pause`).expect(200);
  return { id };
}

/** A sequence with a prospect enrolled; its id and the enrollment's. */
async function enrolled(
  t: TestApp,
  body: object = SEQUENCE_BODY,
): Promise<{ sequenceId: string; enrollmentId: string }> {
  const { id: sequenceId } = (await request(t.server).post('/sequences').send(body).expect(201))
    .body;
  const response = await request(t.server)
    .post(`/sequences/${sequenceId}/enrollments`)
    .send({ prospect_ids: [await newProspectId(t)] })
    .expect(201);
  return { sequenceId, enrollmentId: response.body.enrolled[0].id };
}

/** A sequence sending at any hour: its touches go out at once, whatever the time of the test. */
const ANY_HOUR = {
  window: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' },
};

/** A sequence launched on the mailing service, its first touch in review; the draft's id. */
async function touchInReview(t: TestApp): Promise<Record<string, string>> {
  const { sequenceId } = await enrolled(t);
  const launched = await request(t.server).post(`/sequences/${sequenceId}/launch`).expect(201);
  await waitForJob(t, launched.body.job_id, hasStatus('waiting_approval'));
  const outbox = await request(t.server)
    .get('/outbox')
    .query({ job_id: launched.body.job_id })
    .expect(200);
  return { id: outbox.body.items[0].id };
}

/** A sequence of an email and a call, launched and run on the mailing service: its open task. */
async function openTask(t: TestApp): Promise<Record<string, string>> {
  const { sequenceId } = await enrolled(t, {
    name: 'Examples walk with a call',
    steps: [...SEQUENCE_BODY.steps, { type: 'task', kind: 'call', instructions: 'Call' }],
    settings: ANY_HOUR,
  });
  const launched = await request(t.server).post(`/sequences/${sequenceId}/launch`).expect(201);
  await waitForJob(t, launched.body.job_id, hasStatus('waiting_approval'));
  await request(t.server).post(`/jobs/${launched.body.job_id}/approve`).send({}).expect(200);
  for (let tries = 0; tries < 500; tries++) {
    const tasks = await request(t.server)
      .get('/tasks')
      .query({ sequence_id: sequenceId, status: 'open' })
      .expect(200);
    if (tasks.body.items.length > 0) return { id: tasks.body.items[0].id };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no task was created');
}

/** A message the mailbox received (an unmatched reply), applied through the intake: its id. */
async function receivedReply(t: TestApp): Promise<Record<string, string>> {
  const { record } = await t.app.get(InboundIntakeService).apply(
    { mailbox: 'examples@imap.example/INBOX', uidValidity: '1', uid: Date.now() % 1e9 },
    {
      messageId: `${randomUUID()}@mail.example`,
      from: { address: 'someone@nordlicht.example', name: null },
      recipients: ['ana@acme.example'],
      date: new Date(),
      subject: 'Re: a question',
      inReplyTo: null,
      references: [],
      text: 'Thanks, not now.',
      kind: 'reply',
      returnDate: null,
      delivery: null,
      truncated: false,
    },
  );
  return { id: record.id };
}

/** An import recorded as running (as while its upload streams): its id. */
async function runningImport(t: TestApp): Promise<Record<string, string>> {
  return { id: (await t.app.get(ImportProgressService).begin('examples')).id };
}

const nonEmptyPage = (sent: Sent) =>
  expect((sent.body as { items: unknown[] }).items.length).toBeGreaterThan(0);

/** Every operation of the document: what its examples need, and what else to check. */
const FIXTURES: Record<string, Fixture> = {
  'GET /health': {},
  'POST /context': {
    prepare: async (t) => {
      const gone = await request(t.server).delete(`/context/${contextId()}`);
      expect([204, 404]).toContain(gone.status);
      return {};
    },
  },
  'GET /context/{job_id}': { prepare: ensureContext },
  'PUT /context/{job_id}': { prepare: ensureContext },
  'PATCH /context/{job_id}': { prepare: ensureContext },
  'DELETE /context/{job_id}': { prepare: ensureContext },
  'GET /contexts': { prepare: ensureContext, check: nonEmptyPage },
  'POST /command': {
    status: 201,
    check: (sent) => expect(sent.body).toMatchObject({ planner: 'offline', status: 'queued' }),
  },
  'POST /jobs': { status: 201 },
  'GET /plans/{plan_id}': { prepare: previewedPlan },
  'POST /plans/{plan_id}/run': { status: 201, prepare: previewedPlan },
  'GET /jobs': { prepare: async (t) => (await finishedJob(t), {}), check: nonEmptyPage },
  'GET /jobs/{job_id}': { prepare: finishedJob },
  'GET /jobs/{job_id}/events': {
    prepare: finishedJob,
    check: (sent) => {
      const events = parseSse(sent.raw.toString('utf8'));
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(Object.keys(JOB_EVENT_TYPES)).toContain(event.event);
      expect(events.at(-1)!.event).toBe('job_finished');
    },
  },
  'POST /jobs/{job_id}/cancel': {
    prepare: (t) =>
      // Parked in `waiting` by the wait, which cancel applies to like a running job.
      jobIn(t, ['waiting'], [{ agent: 'core', action: 'wait', params: { seconds: 300 } }]),
  },
  'POST /jobs/{job_id}/retry': {
    // Scoring refuses the ICP in the state (an unknown seniority): the job fails at step 1, and
    // the example repairs it (its context patches the ICP, its params suit research.score_fit).
    prepare: (t) =>
      jobIn(
        t,
        ['failed'],
        [
          {
            agent: 'core',
            action: 'set_context',
            params: { values: { prospects: [], icp: { seniorities: ['boss'] } } },
          },
          { agent: 'research', action: 'score_fit', params: {} },
        ],
      ),
  },
  'POST /jobs/{job_id}/approve': { prepare: waitingJob },
  'POST /jobs/{job_id}/reject': { prepare: waitingJob },
  'POST /jobs/{job_id}/feedback': { prepare: finishedJob },
  'GET /jobs/{job_id}/checkpoints': { prepare: finishedJob, check: (sent) => nonEmptyList(sent) },
  'GET /jobs/{job_id}/checkpoints/{seq}': { prepare: finishedJob },
  'GET /agents': { check: (sent) => nonEmptyList(sent) },
  'GET /prospects': {
    // The sample data of a fresh installation has someone for the pre-filled search.
    check: nonEmptyPage,
  },
  'POST /prospects/import': {
    check: (sent) => expect(sent.body).toMatchObject({ rows: 1, skipped: 0 }),
  },
  'POST /prospects/import/preview': {
    check: (sent) => expect(sent.body).toMatchObject({ rows: [{ row: 1, status: 'ok' }] }),
  },
  'GET /prospects/imports': {},
  'GET /prospects/imports/{id}': { prepare: runningImport },
  'POST /prospects/imports/{id}/cancel': { prepare: runningImport },
  'GET /prospects/{id}': { prepare: async (t) => ({ id: await newProspectId(t) }) },
  'PATCH /prospects/{id}': { prepare: async (t) => ({ id: await newProspectId(t) }) },
  'DELETE /prospects/{id}': { prepare: async (t) => ({ id: await newProspectId(t) }) },
  'POST /prospects/{id}/opt-out': { prepare: async (t) => ({ id: await newProspectId(t) }) },
  // After every example that searches the sample data of the fresh installation.
  'DELETE /prospects/sample': {
    check: (sent) =>
      expect((sent.body as { removed: number }).removed).toBeGreaterThanOrEqual(1000),
  },
  'GET /outbox': { prepare: async (t) => (await draftedMessage(t), {}), check: nonEmptyPage },
  'GET /outbox/{id}': { prepare: draftedMessage },
  'PATCH /outbox/{id}': { prepare: draftedMessage },
  'DELETE /outbox/{id}': { prepare: draftedMessage },
  'POST /suppressions': {
    prepare: async (t) => {
      const gone = await request(t.server).delete(`/suppressions/${suppressedValue()}`);
      expect([204, 404]).toContain(gone.status);
      return {};
    },
  },
  'GET /suppressions': {},
  'POST /suppressions/import': {},
  'GET /status': {},
  'DELETE /suppressions/{value}': {
    prepare: async (t) => {
      const added = await request(t.server)
        .post('/suppressions')
        .send({ value: suppressedValue() });
      expect([201, 409]).toContain(added.status);
      return {};
    },
  },
  'POST /sequences': {},
  'GET /sequences': { prepare: async (t) => (await newSequence(t), {}), check: nonEmptyPage },
  'GET /sequences/{id}': { prepare: newSequence },
  'POST /sequences/{id}/pause': { prepare: newSequence },
  'POST /sequences/{id}/resume': { prepare: pausedSequence },
  'POST /sequences/{id}/enrollments': { prepare: newSequence },
  'GET /sequences/{id}/enrollments': {
    prepare: async (t) => ({ id: (await enrolled(t)).sequenceId }),
    check: nonEmptyPage,
  },
  'POST /enrollments/{id}/pause': {
    prepare: async (t) => ({ id: (await enrolled(t)).enrollmentId }),
  },
  'POST /enrollments/{id}/resume': {
    prepare: async (t) => {
      const { enrollmentId } = await enrolled(t);
      await request(t.server).post(`/enrollments/${enrollmentId}/pause`).expect(200);
      return { id: enrollmentId };
    },
  },
  'POST /enrollments/{id}/stop': {
    prepare: async (t) => ({ id: (await enrolled(t)).enrollmentId }),
  },
  'GET /enrollments/{id}': { prepare: async (t) => ({ id: (await enrolled(t)).enrollmentId }) },
  'POST /enrollments/{id}/events': {
    prepare: async (t) => ({ id: (await enrolled(t)).enrollmentId }),
    check: (sent) => expect(sent.body).toMatchObject({ enrollment: { status: 'replied' } }),
  },
  'POST /sequences/{id}/launch': {
    app: 'mailing',
    prepare: async (t) => ({ id: (await enrolled(t)).sequenceId }),
    check: (sent) => expect(sent.body).toMatchObject({ enrollments: 1, run_only: false }),
  },
  'POST /outbox/{id}/approve': { app: 'mailing', prepare: touchInReview },
  'GET /tasks': {},
  'GET /replies': { prepare: async (t) => (await receivedReply(t), {}) },
  'GET /replies/{id}': { prepare: receivedReply },
  'POST /tasks/{id}/complete': { app: 'mailing', prepare: openTask },
  'GET /unsubscribe/{token}': { app: 'mailing', prepare: unsubscribeToken },
  'POST /unsubscribe/{token}': { app: 'mailing', prepare: unsubscribeToken },
  'GET /exports': { prepare: async (t) => (await exportOf(t), {}), check: nonEmptyPage },
  'GET /exports/{id}': { prepare: exportOf },
  'GET /exports/{id}/download': {
    prepare: exportOf,
    // An XLSX file is a ZIP archive.
    check: (sent) => expect(sent.raw.subarray(0, 2).toString('latin1')).toBe('PK'),
  },
};

function nonEmptyList(sent: Sent) {
  expect(Array.isArray(sent.body) && sent.body.length > 0).toBe(true);
}

async function send(t: TestApp, example: ExampleRequest): Promise<Sent> {
  let call = request(t.server)[example.method as 'get'](example.url).buffer(true).parse(binary);
  if (example.contentType) {
    const { contentType, body } = example;
    const wire =
      typeof body === 'string'
        ? body
        : contentType === 'application/x-www-form-urlencoded'
          ? new URLSearchParams(body as Record<string, string>).toString()
          : JSON.stringify(body);
    call = call.set('content-type', contentType).send(wire);
  }
  const response = await call;
  const raw = response.body as Buffer;
  const contentType = String(response.headers['content-type'] ?? '');
  const isJson = contentType.includes('json') && raw.length > 0;
  return {
    status: response.status,
    contentType,
    raw,
    body: isJson ? (JSON.parse(raw.toString('utf8')) as unknown) : raw,
  };
}

/** Each request the operation's examples make: one per request body example, or one without a body. */
async function examplesOf(t: TestApp, operation: Operation, fixture: Fixture) {
  const bodies = bodyExamples(document, operation.operation);
  const sends: ExampleRequest[] = [];
  for (const body of bodies.length > 0 ? bodies : [undefined]) {
    // Setup before each send: an example may use up what it needs (a waiting job, a draft…).
    const values = (await fixture.prepare?.(t, document)) ?? {};
    sends.push({ ...exampleRequest(document, operation, values), ...body });
  }
  return sends;
}

describe('The OpenAPI examples on a fresh installation', () => {
  it('cover every operation of the document, and only those', () => {
    const documented = operationsOf(document).map((operation) => operation.key);
    expect([...documented].sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.keys(FIXTURES))('%s answers its documented success', async (key) => {
    const operation = operationsOf(document).find((candidate) => candidate.key === key);
    if (!operation) throw new Error(`${key} is not in the document`);
    const fixture = FIXTURES[key];
    const t = fixture.app === 'mailing' ? mailing : fresh;
    const documented = successStatuses(operation.operation);
    const expected = fixture.status ?? documented[0];
    if (fixture.status === undefined) expect(documented).toHaveLength(1);
    expect(documented).toContain(expected);
    const mediaTypes = mediaTypesOf(document, operation.operation, expected);

    for (const example of await examplesOf(t, operation, fixture)) {
      const sent = await send(t, example);
      const shown = sent.contentType.includes('json') ? sent.body : sent.raw.length;
      expect({ example, status: sent.status, body: shown }).toMatchObject({ status: expected });
      if (mediaTypes.length > 0) expect(mediaTypes).toContain(baseMediaType(sent.contentType));
      else expect(sent.raw.length).toBe(0);
      if (baseMediaType(sent.contentType) === 'application/json') {
        const problems = checkResponse(
          operation.operation,
          expected,
          'application/json',
          sent.body,
        );
        expect({ example, problems }).toEqual({ example, problems: [] });
      }
      fixture.check?.(sent);
    }
  });
});
