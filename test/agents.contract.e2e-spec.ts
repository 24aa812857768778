import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SequencesService } from '../src/agents/sequences/sequences.service';
import { validateParams } from '../src/orchestrator/agents/action-params.util';
import { AgentRegistry, RegisteredAction } from '../src/orchestrator/agents/agent-registry.service';
import { JobControl } from '../src/orchestrator/job-control/job-control';
import type { ActionContext } from '../src/orchestrator/agents/agent.types';
import { ActionError } from '../src/orchestrator/agents/retry-policy.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { exportDrafts, exportProspects } from './helpers/export-fixtures';
import { FakeGoogleSheets, startFakeGoogleSheets } from './helpers/fake-google-sheets-server';
import { createSequence, storeProspects } from './helpers/sequences';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * The contract every installed agent passes: its schema says what it validates, it writes only
 * what it declares, and a failure retrying cannot fix is a typed, non-retryable ActionError.
 * A new action must add its case here, or the first test fails.
 */
interface ContractCase {
  /** Parameters the action must accept. */
  params: Record<string, unknown>;
  /** The job state it runs on (its declared reads). */
  state: Record<string, unknown>;
  /** A state that makes it fail for good, when there is one. */
  badState?: Record<string, unknown>;
  /** Don't run it (it waits for a human or for time). */
  skipRun?: boolean;
}

const prospect = {
  id: 'p1',
  name: 'Ana Beispiel',
  title: 'VP of Sales',
  country: 'Germany',
  company: {
    name: 'Beispiel GmbH',
    domain: 'beispiel.example',
    industry: 'Software',
    employee_count: 120,
  },
};

const CASES: Record<string, ContractCase> = {
  'core.set_context': { params: { values: { icp: { titles: ['CTO'] } } }, state: {} },
  'core.wait': { params: { seconds: 1 }, state: {}, skipRun: true },
  'core.review': { params: { message: 'Check' }, state: {} },
  'prospects.search': { params: { titles: ['VP of Sales'], limit: 5 }, state: {} },
  'prospects.import_csv': {
    params: { source: 'contract', tags: ['contract'] },
    state: { csv: 'Name,Email,Title\nAna Beispiel,ana@beispiel.example,VP of Sales\n' },
    badState: { csv: 'Name,Email\n,not-an-email\n' },
  },
  'research.score_fit': {
    params: { icp: { titles: ['VP of Sales'] }, threshold: 10 },
    state: { prospects: [prospect] },
    badState: { prospects: [prospect] },
  },
  'research.company_summary': { params: {}, state: { prospects: [] } },
  'email.draft': {
    params: { tone: 'formal', instructions: 'Keep it short' },
    state: { prospects: [{ ...prospect, email: 'ana@beispiel.example' }] },
    badState: { prospects: 'nobody' },
  },
  // Runs on the drafts email.draft wrote (see beforeAll), against the suite's SMTP server.
  'email.send': { params: {}, state: { drafts: [] }, badState: { drafts: [{ to: 'x' }] } },
  'export.spreadsheet': {
    params: { format: 'xlsx' },
    state: { prospects: exportProspects, drafts: exportDrafts },
    badState: { prospects: 'nobody' },
  },
  // Runs against the fake Google Sheets API configured below.
  'export.google_sheets': {
    params: {},
    state: { prospects: exportProspects },
    badState: { prospects: 'nobody' },
  },
  // A stored prospect of its own (filled in beforeAll), enrolled in the sequence it creates.
  'sequences.create': {
    params: { name: 'Contract', steps: [{ type: 'email', draft: 'llm' }] },
    state: { prospects: [] },
    badState: { prospects: 'nobody' },
  },
  // Sequences of their own, made in beforeAll (the ids below are filled in there).
  'sequences.launch': {
    params: {},
    state: {},
    badState: { sequence: { id: randomUUID() } },
  },
  'sequences.draft_first_touches': { params: { sequence_id: '' }, state: {} },
  'sequences.approve_launch': { params: { sequence_id: '' }, state: { drafts: [] } },
  'sequences.run': { params: { sequence_id: '' }, state: {} },
};
// score_fit without any ICP (no params.icp, no state.icp) cannot succeed on retry; nor can
// import_csv of a CSV without a usable row, or an export whose prospects are not a list.
const BAD_PARAMS: Record<string, Record<string, unknown>> = {
  'research.score_fit': {},
  'prospects.import_csv': {},
  'email.draft': {},
  'email.send': {},
  'export.spreadsheet': {},
  'export.google_sheets': {},
  'sequences.create': { name: 'Contract', steps: [{ type: 'email', draft: 'llm' }] },
  'sequences.launch': {},
  'sequences.draft_first_touches': { sequence_id: randomUUID() },
};

let fakeGoogle: FakeGoogleSheets;
const smtp = new TestSmtpServer();

/**
 * How each action with a side effect honours the idempotency key: the proof's name, the case
 * it runs (twice, under one key), and a count of the effects it had in the outside world.
 */
const IDEMPOTENT_EFFECTS: Record<
  string,
  { proof: string; count: () => number; state?: () => Promise<Record<string, unknown>> }
> = {
  'email.send': {
    proof: 'sends once under one key',
    count: () => smtp.received.length,
    // Fresh drafts: the other cases already sent the suite's first ones.
    state: async () => {
      const draft = actions.find((action) => label(action) === 'email.draft')!;
      const recipient = { ...prospect, id: 'p2', email: 'ben@beispiel.example' };
      const drafted = await draft.invoke({}, context({ prospects: [recipient] }, 'twice:0'));
      return { drafts: drafted.writes!.drafts };
    },
  },
  'export.google_sheets': {
    proof: 'appends once under one key',
    count: () => fakeGoogle.appends().length,
  },
  'sequences.create': {
    proof: 'creates one sequence under one key',
    count: () => sequencesCreated,
    state: async () => ({ prospects: await storedProspects() }),
  },
  'sequences.launch': {
    proof: 'creates one launch job under one key',
    count: () => launchJobs,
    state: async () => ({ sequence: { id: await enrolledSequence() } }),
  },
  'sequences.run': {
    proof: 'sends each touch once under one key',
    count: () => smtp.received.length,
    // The case's sequence, launched by its own steps: its first touch is due now.
    state: async () => {
      const params = CASES['sequences.run'].params;
      const draft = actions.find((action) => label(action) === 'sequences.draft_first_touches')!;
      const drafted = await draft.invoke(params, context({}, 'contract-run:0'));
      const approve = actions.find((action) => label(action) === 'sequences.approve_launch')!;
      await approve.invoke(params, context({ drafts: drafted.writes!.drafts }, 'contract-run:1'));
      return {};
    },
  },
};

/** Launch jobs the contract created (sequences.launch), and sequences (sequences.create). */
let launchJobs = 0;
let sequencesCreated = 0;

/** A new stored prospect, as a search writes it to the state. */
async function storedProspects(): Promise<Record<string, unknown>[]> {
  const [id] = await storeProspects(testApp, [{ country: 'Germany' }]);
  return [{ ...prospect, id }];
}

/** A sequence sending at any hour, with one new prospect enrolled; its id. */
async function enrolledSequence(): Promise<string> {
  const [prospectId] = await storeProspects(testApp, [{ country: 'Germany' }]);
  const sequence = await createSequence(testApp, {
    settings: {
      window: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        start: '00:00',
        end: '24:00',
      },
    },
  });
  await request(testApp.server)
    .post(`/sequences/${sequence.id}/enrollments`)
    .send({ prospect_ids: [prospectId] })
    .expect(201);
  return sequence.id;
}

let testApp: TestApp;
let actions: RegisteredAction[];

beforeAll(async () => {
  fakeGoogle = await startFakeGoogleSheets();
  await smtp.start();
  testApp = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_PACING_MS: '0',
      GOOGLE_SERVICE_ACCOUNT_JSON: fakeGoogle.serviceAccountJson,
      GOOGLE_SHEETS_SPREADSHEET_ID: fakeGoogle.spreadsheetId,
      GOOGLE_SHEETS_ROOT_URL: `${fakeGoogle.origin}/`,
    },
  });
  actions = testApp.app
    .get(AgentRegistry)
    .list()
    .flatMap((agent) => agent.actions);
  // email.send's case sends what a draft step wrote to the outbox.
  const draft = actions.find((action) => label(action) === 'email.draft')!;
  const drafted = await draft.invoke({}, context(CASES['email.draft'].state, 'contract-draft:0'));
  CASES['email.send'].state = { drafts: drafted.writes!.drafts };
  CASES['sequences.create'].state = { prospects: await storedProspects() };
  CASES['sequences.launch'].state = { sequence: { id: await enrolledSequence() } };
  for (const name of ['draft_first_touches', 'approve_launch', 'run']) {
    CASES[`sequences.${name}`].params = { sequence_id: await enrolledSequence() };
  }
  // Counts the sequences sequences.create creates.
  const sequences = testApp.app.get(SequencesService);
  const create = sequences.create.bind(sequences);
  jest.spyOn(sequences, 'create').mockImplementation(async (input) => {
    const created = await create(input);
    sequencesCreated++;
    return created;
  });
  // Counts the jobs sequences.launch creates.
  const jobs = testApp.app.get(JobControl);
  const submit = jobs.submit.bind(jobs);
  jest.spyOn(jobs, 'submit').mockImplementation(async (input) => {
    const submitted = await submit(input);
    if (submitted.created) launchJobs++;
    return submitted;
  });
});
afterAll(async () => {
  await testApp.destroy();
  await fakeGoogle.close();
  await smtp.stop();
});

const label = (action: RegisteredAction) => `${action.agent}.${action.name}`;
/** A step's context; each case and run gets its own idempotency key unless one is given. */
let runs = 0;
const context = (
  state: Record<string, unknown>,
  key = `contract-job:${runs++}`,
): ActionContext => ({
  jobId: key.split(':')[0],
  stepIndex: Number(key.split(':')[1]),
  state,
  idempotencyKey: key,
  signal: new AbortController().signal,
});

describe('agent contract', () => {
  it('has a case for every installed action', () => {
    expect(actions.map(label).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s: its schema is closed and matches validation', (name, c) => {
    const action = actions.find((candidate) => label(candidate) === name)!;
    expect(action.paramsSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(validateParams(action.paramsType, c.params).ok).toBe(true);
    expect(validateParams(action.paramsType, { ...c.params, not_a_param: 1 }).ok).toBe(false);
    for (const required of (action.paramsSchema.required as string[]) ?? []) {
      const { [required]: _dropped, ...without } = c.params;
      expect(validateParams(action.paramsType, without).ok).toBe(false);
    }
  });

  it.each(Object.entries(CASES).filter(([, c]) => !c.skipRun))(
    '%s: runs and writes only the keys it declares',
    async (name, c) => {
      const action = actions.find((candidate) => label(candidate) === name)!;
      const params = validateParams(action.paramsType, c.params);
      if (!params.ok) throw new Error(`invalid contract params for ${name}`);
      const result = await action.invoke(params.value, context(c.state));
      const allowed = action.writesFor(params.value);
      expect(Object.keys(result.writes ?? {}).every((key) => allowed.includes(key))).toBe(true);
    },
  );

  it.each(Object.entries(BAD_PARAMS))(
    '%s: a hopeless input is a non-retryable ActionError',
    async (name, raw) => {
      const action = actions.find((candidate) => label(candidate) === name)!;
      const params = validateParams(action.paramsType, raw);
      if (!params.ok) throw new Error(`params for ${name} should validate`);
      const failure = await action
        .invoke(params.value, context(CASES[name].badState ?? {}))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ActionError);
      expect((failure as ActionError).retryable).toBe(false);
    },
  );

  it('every action with a side effect is documented to use the idempotency key', () => {
    expect(actions.filter((action) => action.sideEffect).map(label)).toEqual(
      Object.keys(IDEMPOTENT_EFFECTS).sort(),
    );
  });

  it.each(Object.entries(IDEMPOTENT_EFFECTS).map(([name, effect]) => [name, effect.proof, effect]))(
    '%s %s',
    async (name, _proof, effect) => {
      const action = actions.find((candidate) => label(candidate) === name)!;
      const params = validateParams(action.paramsType, CASES[name].params);
      if (!params.ok) throw new Error(`invalid contract params for ${name}`);
      const state = effect.state ? await effect.state() : CASES[name].state;
      const before = effect.count();
      const key = `contract-idempotency-${name}:1`;
      await action.invoke(params.value, context(state, key));
      await action.invoke(params.value, context(state, key));
      expect(effect.count() - before).toBe(1);
    },
  );
});
