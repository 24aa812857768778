import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createSequence as create, enrol as enrolIn, TEMPLATE_EMAIL } from './helpers/sequences';

/**
 * Sequence definitions over HTTP (both engines): create, list, read, pause and resume, and every
 * refusal of bad input naming its field. Enrollments: sequences-api-enrollments.e2e-spec.ts.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

const THREE_TOUCHES = [
  TEMPLATE_EMAIL,
  { type: 'wait', business_days: 3 },
  { type: 'email', draft: 'llm', instructions: 'A short follow-up' },
  { type: 'wait', days: 4 },
  { type: 'task', kind: 'call', instructions: 'Call and refer to the emails' },
];
const createSequence = (body: Record<string, unknown> = {}) => create(t, body);
const enrol = (sequenceId: string, body: Record<string, unknown>) => enrolIn(t, sequenceId, body);

describe('sequences', () => {
  it('are created with every setting at its default, and steps as given', async () => {
    const created = await createSequence({ name: ' Germany VP Sales ', steps: THREE_TOUCHES });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Germany VP Sales',
      steps: THREE_TOUCHES,
      settings: {
        time_zone: 'UTC',
        window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
        daily_cap: 50,
        review_follow_ups: false,
        one_active_sequence_per_prospect: true,
        stop_on_company_reply: false,
      },
      status: 'active',
      run_job_id: null,
      launch_job_id: null,
      version: 1,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it('keep the settings given', async () => {
    const settings = {
      time_zone: 'America/New_York',
      window: { days: ['tue', 'thu', 'sat'], start: '08:30', end: '11:45' },
      daily_cap: 0,
      review_follow_ups: true,
      one_active_sequence_per_prospect: false,
      stop_on_company_reply: true,
    };
    const created = await createSequence({ settings });
    expect(created.settings).toEqual(settings);
    const partial = await createSequence({ settings: { daily_cap: 10_000 } });
    expect(partial.settings).toMatchObject({ daily_cap: 10_000, time_zone: 'UTC' });
  });

  it('are read with their enrollments counted, and listed newest first', async () => {
    const first = await createSequence();
    const second = await createSequence();
    const read = (await request(t.server).get(`/sequences/${first.id}`).expect(200)).body;
    expect(read).toMatchObject({ id: first.id, name: first.name, steps: first.steps });
    expect(read.enrollments).toEqual({
      active: 0,
      paused: 0,
      finished: 0,
      replied: 0,
      bounced: 0,
      unsubscribed: 0,
      suppressed: 0,
      stopped: 0,
      total: 0,
    });
    const page = (await request(t.server).get('/sequences').query({ limit: 2 }).expect(200)).body;
    expect(page).toMatchObject({ skip: 0, limit: 2, total: expect.any(Number) });
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
    expect(page.items[0]).not.toHaveProperty('enrollments');
  });

  it('pause and resume, each once, with a new version each time', async () => {
    const { id } = await createSequence();
    const paused = await request(t.server).post(`/sequences/${id}/pause`).expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', version: 2 });
    const again = await request(t.server).post(`/sequences/${id}/pause`).expect(409);
    expect(again.body).toMatchObject({
      error: 'invalid_sequence_transition',
      message: `Sequence "${id}" is paused: only an active sequence can be paused`,
      details: { status: 'paused' },
    });
    const listed = await request(t.server).get('/sequences').query({ status: 'paused' });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(listed.body.items.every((item: { status: string }) => item.status === 'paused')).toBe(
      true,
    );
    const resumed = await request(t.server).post(`/sequences/${id}/resume`).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', version: 3 });
    const twice = await request(t.server).post(`/sequences/${id}/resume`).expect(409);
    expect(twice.body.message).toBe(
      `Sequence "${id}" is active: only a paused sequence can be resumed`,
    );
  });

  it('answer 404 for an unknown id and 400 for one that is not a UUID', async () => {
    const unknown = randomUUID();
    for (const [method, path] of [
      ['get', `/sequences/${unknown}`],
      ['post', `/sequences/${unknown}/pause`],
      ['post', `/sequences/${unknown}/resume`],
      ['get', `/sequences/${unknown}/enrollments`],
    ] as const) {
      const response = await request(t.server)[method](path).expect(404);
      expect(response.body).toMatchObject({
        error: 'sequence_not_found',
        message: `No sequence with id "${unknown}"`,
      });
    }
    const missing = await enrol(unknown, { prospect_ids: [randomUUID()] }).expect(404);
    expect(missing.body.error).toBe('sequence_not_found');
    const bad = await request(t.server).get('/sequences/not-a-uuid').expect(400);
    expect(bad.body.message).toBe('id must be a UUID');
    await request(t.server).get('/sequences').query({ status: 'done' }).expect(400);
  });
});

describe('a sequence with bad input', () => {
  const wait = (step: Record<string, unknown>) => [TEMPLATE_EMAIL, { type: 'wait', ...step }];
  const window = (changes: Record<string, unknown>) => ({
    settings: { window: { days: ['mon'], start: '09:00', end: '17:00', ...changes } },
  });

  it.each([
    [
      'an unknown variable in a subject',
      { steps: [{ ...TEMPLATE_EMAIL, subject: 'Hi {{favourite_colour}}' }] },
      'steps.0.subject uses the unknown variable {{favourite_colour}} (known: first_name, name, title, role, company, department, offer, offer_name, summary)',
    ],
    [
      'an unknown variable in a later body',
      { steps: [...wait({ days: 2 }), { ...TEMPLATE_EMAIL, body: 'Hi {{ first }},' }] },
      'steps.2.body uses the unknown variable {{first}}',
    ],
    [
      'a stray brace in a template',
      { steps: [{ ...TEMPLATE_EMAIL, body: 'Hi {{first_name}' }] },
      'steps.0.body has a {{ or }} that is not part of a {{variable}}',
    ],
    [
      'a wait of -1 days',
      { steps: wait({ days: -1 }) },
      'steps.1.days must be a whole number from 1 to 365, not -1',
    ],
    [
      'a wait of 10,000 days',
      { steps: wait({ days: 10_000 }) },
      'steps.1.days must be a whole number from 1 to 365, not 10000',
    ],
    ['a wait of 1.5 days', { steps: wait({ days: 1.5 }) }, 'steps.1.days must be a whole number'],
    ['a wait of "3" days', { steps: wait({ days: '3' }) }, 'steps.1.days must be a whole number'],
    [
      'a wait of 0 business days',
      { steps: wait({ business_days: 0 }) },
      'steps.1.business_days must be a whole number from 1 to 365, not 0',
    ],
    [
      'a wait of 10,000 business days',
      { steps: wait({ business_days: 10_000 }) },
      'steps.1.business_days must be a whole number from 1 to 365',
    ],
    ['a wait without length', { steps: wait({}) }, 'steps.1.days or business_days is required'],
    [
      'a wait of both kinds',
      { steps: wait({ days: 2, business_days: 2 }) },
      'steps.1.business_days cannot be given with days',
    ],
    [
      'a first step that is not an email',
      { steps: [{ type: 'wait', days: 2 }, TEMPLATE_EMAIL] },
      'steps must start with an email step: steps.0 is "wait"',
    ],
    ['no step', { steps: [] }, 'steps must list at least one step'],
    ['steps that are no list', { steps: 'email' }, 'steps must be a list of steps'],
    [
      'an unknown step type',
      { steps: [TEMPLATE_EMAIL, { type: 'sms' }] },
      'steps.1.type must be one of email, wait, task',
    ],
    ['a step that is no object', { steps: [TEMPLATE_EMAIL, 42] }, 'steps.1.type must be one of'],
    [
      'a task of an unknown kind',
      { steps: [TEMPLATE_EMAIL, { type: 'task', kind: 'fax', instructions: 'x' }] },
      'steps.1.kind must be one of call, linkedin_connect, other',
    ],
    [
      'a task without instructions',
      { steps: [TEMPLATE_EMAIL, { type: 'task', kind: 'call' }] },
      'steps.1.instructions must be a string',
    ],
    [
      'an email drafted by someone else',
      { steps: [{ type: 'email', draft: 'intern' }] },
      'steps.0.draft must be llm',
    ],
    [
      'a template email without a body',
      { steps: [{ type: 'email', subject: 'Hi' }] },
      'steps.0.body must be a string',
    ],
    [
      'a field of another kind of step',
      { steps: [{ ...TEMPLATE_EMAIL, days: 3 }] },
      'steps.0.property days should not exist',
    ],
    ['a blank name', { name: '  ' }, 'name must not be blank'],
    [
      'an unknown time zone',
      { settings: { time_zone: 'Mars/Olympus_Mons' } },
      'settings.time_zone must be an IANA time zone such as Europe/Berlin or UTC, not "Mars/Olympus_Mons"',
    ],
    [
      'a window without days',
      window({ days: [] }),
      'settings.window.days must list at least one day',
    ],
    [
      'a window on an unknown day',
      window({ days: ['mon', 'someday'] }),
      'settings.window.days must hold only mon, tue',
    ],
    [
      'a window with no hours',
      window({ start: '09:00', end: '09:00' }),
      'settings.window.end must be later than start (09:00): the window would have no hours',
    ],
    [
      'a window ending before it starts',
      window({ start: '18:00', end: '08:00' }),
      'settings.window.end must be later than start (18:00)',
    ],
    [
      'a window at 25:00',
      window({ start: '25:00' }),
      'settings.window.start must be a time HH:MM from 00:00 to 23:59',
    ],
    ['a window at 9am', window({ end: '9pm' }), 'settings.window.end must be a time HH:MM'],
    [
      'a window without its end',
      window({ end: undefined }),
      'settings.window.end must be a string',
    ],
    [
      'a daily cap of -1',
      { settings: { daily_cap: -1 } },
      'settings.daily_cap must be from 0 to 10000',
    ],
    [
      'a daily cap of 10,001',
      { settings: { daily_cap: 10_001 } },
      'settings.daily_cap must be from 0 to 10000',
    ],
    [
      'an unknown setting',
      { settings: { quiet: true } },
      'settings.property quiet should not exist',
    ],
  ])('refuses %s with 400 naming the field', async (_label, body, message) => {
    const response = await request(t.server)
      .post('/sequences')
      .send({ name: 'Bad', steps: [TEMPLATE_EMAIL], ...body })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toContain(message);
  });
});
