import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/time/clock';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { FakeClock } from './helpers/fake-clock';
import { hasStatus, waitForJob } from './helpers/jobs';
import { launchForReview, OutboxBody, RunDriver, touchesOf } from './helpers/sequence-run';
import { createSequence, storeProspects, TEMPLATE_EMAIL } from './helpers/sequences';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * The rules around a running sequence, over HTTP with a moved clock and a real SMTP server:
 * manual tasks, follow-ups that wait for their own approval, the unsubscribe link, a reply at a
 * company, a paused enrollment, a second launch for enrollments made later, and bad input.
 * Each test starts on a Monday of its own.
 */
const smtp = new TestSmtpServer();
const clock = new FakeClock('2026-05-04T05:00:00.000Z');
const PUBLIC_URL = 'https://zigral.test';
let t: TestApp;

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_PACING_MS: '0',
      PUBLIC_URL,
      RATE_LIMIT: '100000',
    },
    override: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
});

// Mondays at 05:00 UTC: 07:00 in Berlin (summer time), two hours before its window opens.
let monday = Date.parse('2026-05-04T05:00:00.000Z');
beforeEach(() => {
  monday += 7 * 24 * 3_600_000;
  clock.set(new Date(monday));
});

const FOLLOW_UP = { type: 'email', subject: 'Following up', body: 'Hi {{first_name}}, again.' };

/** Prospects in Berlin (the default window, 09:00–17:00 there), each at an address of its own. */
async function berliners(count: number, company = `Firma ${randomUUID().slice(0, 6)}`) {
  const domain = `${company.toLowerCase().replace(/\W+/g, '')}.example`;
  return storeProspects(
    t,
    Array.from({ length: count }, (_, i) => ({
      name: `Lena Muster${i} ${randomUUID().slice(0, 4)}`,
      email: `lena${i}.${randomUUID().slice(0, 6)}@${domain}`,
      country: 'Germany',
      company: { name: company, domain },
    })),
  );
}

/** A sequence with `steps`, its prospects enrolled, launched and approved; its run driver. */
async function running(steps: object[], prospectIds: string[], settings: object = {}) {
  const sequence = await createSequence(t, { steps, settings });
  const enrolled = await request(t.server)
    .post(`/sequences/${sequence.id}/enrollments`)
    .send({ prospect_ids: prospectIds })
    .expect(201);
  const { jobId } = await launchForReview(t, sequence.id);
  await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
  await waitForJob(t, jobId, hasStatus('waiting', 'succeeded'));
  const run = new RunDriver(t, clock, jobId);
  await run.settle();
  const enrollments = enrolled.body.enrolled.map((e: { id: string }) => e.id) as string[];
  return { sequence, run, jobId, enrollments };
}

const enrollment = async (id: string) =>
  (await request(t.server).get(`/enrollments/${id}`).expect(200)).body;
const at = (hours: number) => new Date(monday + hours * 3_600_000).toISOString();

describe('manual tasks', () => {
  it('appear when due, hold the enrollment until completed through the API, then it goes on', async () => {
    const [prospect] = await berliners(1);
    const steps = [
      TEMPLATE_EMAIL,
      { type: 'wait', days: 1 },
      { type: 'task', kind: 'call', instructions: 'Call and refer to the email' },
      { type: 'wait', days: 1 },
      FOLLOW_UP,
    ];
    const { sequence, run, enrollments } = await running(steps, [prospect]);
    await run.until(at(3)); // Monday 09:00 in Berlin (at(2)): the first touch
    expect(await touchesOf(t, sequence.id)).toHaveLength(1);
    await run.until(at(30)); // Tuesday noon: the task is due
    const open = await request(t.server)
      .get('/tasks')
      .query({ status: 'open', sequence_id: sequence.id })
      .expect(200);
    expect(open.body.items).toEqual([
      expect.objectContaining({
        enrollment_id: enrollments[0],
        prospect_id: prospect,
        step_index: 2,
        kind: 'call',
        instructions: 'Call and refer to the email',
        status: 'open',
        completed_at: null,
      }),
    ]);
    expect(await enrollment(enrollments[0])).toMatchObject({ step_index: 2, next_due_at: null });
    // Days pass; the enrollment waits on its task.
    await run.until(at(75));
    expect(await touchesOf(t, sequence.id)).toHaveLength(1);

    const task = open.body.items[0];
    const done = await request(t.server).post(`/tasks/${task.id}/complete`).expect(200);
    expect(done.body).toMatchObject({ status: 'done', completed_at: at(75) });
    const again = await request(t.server).post(`/tasks/${task.id}/complete`).expect(409);
    expect(again.body).toMatchObject({
      error: 'invalid_task_transition',
      details: { status: 'done' },
    });
    await request(t.server).post(`/tasks/${randomUUID()}/complete`).expect(404);
    await request(t.server).post('/tasks/not-a-uuid/complete').expect(400);

    await run.settle();
    // A day after the task was done (Thursday 10:00 in Berlin): Friday 10:00.
    const finished = await run.until(at(100));
    const sent = (await touchesOf(t, sequence.id)).filter((touch) => touch.status === 'sent');
    expect(sent.map((touch) => touch.sent_at).sort()).toEqual([at(2), at(99)]);
    expect(finished.status).toBe('succeeded');
    expect(
      (await enrollment(enrollments[0])).timeline.map((e: { type: string }) => e.type),
    ).toEqual(['launched', 'sent', 'task_created', 'task_completed', 'sent', 'exited']);
  });

  it('are cancelled when their enrollment ends', async () => {
    const [prospect] = await berliners(1);
    const steps = [
      TEMPLATE_EMAIL,
      { type: 'task', kind: 'linkedin_connect', instructions: 'Connect' },
    ];
    const { sequence, run, enrollments } = await running(steps, [prospect]);
    await run.until(at(3));
    const [task] = (
      await request(t.server).get('/tasks').query({ sequence_id: sequence.id }).expect(200)
    ).body.items;
    expect(task.status).toBe('open');
    await request(t.server).post(`/enrollments/${enrollments[0]}/stop`).expect(200);
    const [cancelled] = (
      await request(t.server).get('/tasks').query({ sequence_id: sequence.id }).expect(200)
    ).body.items;
    expect(cancelled).toMatchObject({ status: 'cancelled', completed_at: at(3) });
    await request(t.server).post(`/tasks/${task.id}/complete`).expect(409);
    expect((await run.settle()).status).toBe('succeeded');
  });
});

describe('follow-ups under review', () => {
  it('wait as drafts until approved through the outbox, then go out in the window', async () => {
    const [prospect] = await berliners(1);
    const steps = [TEMPLATE_EMAIL, { type: 'wait', days: 1 }, FOLLOW_UP];
    const { sequence, run, enrollments } = await running(steps, [prospect], {
      review_follow_ups: true,
    });
    await run.until(at(30)); // Tuesday noon: the follow-up was due at 09:00
    const touches = await touchesOf(t, sequence.id);
    const followUp = touches.find((touch) => touch.touch_index === 1)!;
    expect(followUp).toMatchObject({
      status: 'draft',
      subject: `Re: ${touches.find((x) => x.touch_index === 0)!.subject}`,
    });
    expect(await enrollment(enrollments[0])).toMatchObject({ step_index: 2, next_due_at: null });
    await run.until(at(60)); // nothing goes out unapproved
    expect(smtp.to((followUp as OutboxBody).to)).toHaveLength(1);

    await request(t.server)
      .patch(`/outbox/${followUp.id}`)
      .send({ body: 'Hi Lena, edited.' })
      .expect(200);
    const approved = await request(t.server).post(`/outbox/${followUp.id}/approve`).expect(200);
    // Without API_KEYS the approver and the editor are recorded as anonymous.
    expect(approved.body).toMatchObject({
      status: 'approved',
      approved_by: 'anonymous',
      approved_at: expect.any(String),
      edited_by: 'anonymous',
    });
    await request(t.server).post(`/outbox/${followUp.id}/approve`).expect(200);
    await run.until(at(61)); // Wednesday 20:00 in Berlin: the next window is Thursday 09:00
    expect(smtp.to(followUp.to)).toHaveLength(1);
    await run.until(at(75));
    const mails = smtp.to(followUp.to);
    expect(mails).toHaveLength(2);
    expect(mails[1].mail.text).toContain('Hi Lena, edited.');
    const sent = (await touchesOf(t, sequence.id)).find((touch) => touch.id === followUp.id)!;
    expect(sent).toMatchObject({ status: 'sent', sent_at: at(74) });
    // A job's draft is not approved this way.
    const jobDraft = await request(t.server).post(`/outbox/${randomUUID()}/approve`).expect(404);
    expect(jobDraft.body.message).toContain('No outbox message');
  });
});

describe('exit rules', () => {
  it('end every active enrollment of an address unsubscribed through the link', async () => {
    const [prospect] = await berliners(1);
    const steps = [TEMPLATE_EMAIL, { type: 'wait', days: 1 }, FOLLOW_UP];
    const { run, enrollments } = await running(steps, [prospect]);
    await run.until(at(3));
    const mail = smtp.received[smtp.received.length - 1];
    const path = mail.header('list-unsubscribe')!.replace(/^<|>$/g, '').slice(PUBLIC_URL.length);
    await request(t.server).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await enrollment(enrollments[0])).toMatchObject({
      status: 'unsubscribed',
      exit_reason: 'unsubscribed',
      next_due_at: null,
    });
    const before = smtp.received.length;
    expect((await run.until(at(60))).status).toBe('succeeded');
    expect(smtp.received).toHaveLength(before);
  });

  it('end the colleagues of a replier when the sequence stops on a company reply', async () => {
    const company = await berliners(3, `Kollegen ${randomUUID().slice(0, 4)}`);
    const [other] = await berliners(1);
    const steps = [TEMPLATE_EMAIL, { type: 'wait', days: 1 }, FOLLOW_UP];
    const { run, enrollments } = await running(steps, [...company, other], {
      stop_on_company_reply: true,
    });
    await run.until(at(3));
    const replied = await request(t.server)
      .post(`/enrollments/${enrollments[0]}/events`)
      .send({ type: 'replied', at: at(2.5) })
      .expect(201);
    expect(replied.body.ended.sort()).toEqual([enrollments[1], enrollments[2]].sort());
    expect(replied.body.event).toMatchObject({ type: 'replied', step_index: 0, at: at(2.5) });
    expect(await enrollment(enrollments[1])).toMatchObject({
      status: 'stopped',
      exit_reason: 'company_replied',
    });
    expect((await enrollment(enrollments[3])).status).toBe('active');
  });

  it('end one as finished for a meeting, record an event after the end, refuse an unknown type', async () => {
    const [prospect] = await berliners(1);
    const { run, enrollments } = await running(
      [TEMPLATE_EMAIL, { type: 'wait', days: 2 }, FOLLOW_UP],
      [prospect],
    );
    await run.until(at(3));
    const booked = await request(t.server)
      .post(`/enrollments/${enrollments[0]}/events`)
      .send({ type: 'meeting_booked', note: 'Tuesday 10:00' })
      .expect(201);
    expect(booked.body.enrollment).toMatchObject({
      status: 'finished',
      exit_reason: 'meeting_booked',
    });
    const late = await request(t.server)
      .post(`/enrollments/${enrollments[0]}/events`)
      .send({ type: 'replied' })
      .expect(201);
    expect(late.body.enrollment.status).toBe('finished');
    expect(late.body.event.data).toEqual({ exited: false });
    const bad = await request(t.server)
      .post(`/enrollments/${enrollments[0]}/events`)
      .send({ type: 'opened' })
      .expect(400);
    expect(bad.body.message).toContain(
      'type must be one of replied, bounced, unsubscribed, meeting_booked',
    );
    await request(t.server)
      .post(`/enrollments/${enrollments[0]}/events`)
      .send({ type: 'replied', at: 'yesterday' })
      .expect(400);
    await request(t.server)
      .post(`/enrollments/${randomUUID()}/events`)
      .send({ type: 'replied' })
      .expect(404);
    const stats = (
      await request(t.server).get(`/sequences/${booked.body.enrollment.sequence_id}`).expect(200)
    ).body.step_stats[0];
    expect(stats).toMatchObject({ sent: 1, replied: 1, meeting_booked: 1, reply_rate: 1 });
  });
});

describe('pausing an enrollment', () => {
  it('holds its touch until it is resumed', async () => {
    const [first, second] = await berliners(2);
    const { sequence, run, enrollments } = await running([TEMPLATE_EMAIL], [first, second]);
    await request(t.server).post(`/enrollments/${enrollments[1]}/pause`).expect(200);
    await run.until(at(27)); // Tuesday 09:00
    const sent = () =>
      touchesOf(t, sequence.id).then((all) => all.filter((x) => x.status === 'sent'));
    expect((await sent()).map((touch) => touch.enrollment_id)).toEqual([enrollments[0]]);
    await request(t.server).post(`/enrollments/${enrollments[1]}/resume`).expect(200);
    await run.settle();
    expect((await sent()).map((touch) => touch.sent_at).sort()).toEqual([at(2), at(27)]);
    expect(
      (await enrollment(enrollments[1])).timeline.map((e: { type: string }) => e.type),
    ).toEqual(['launched', 'paused', 'resumed', 'sent', 'exited']);
  });
});

describe('launching', () => {
  it('refuses an empty sequence, a second launch under review; launches later enrollments again', async () => {
    const empty = await createSequence(t);
    const nothing = await request(t.server).post(`/sequences/${empty.id}/launch`).expect(422);
    expect(nothing.body.error).toBe('nothing_to_launch');
    await request(t.server).post(`/sequences/${randomUUID()}/launch`).expect(404);

    const [first, second] = await berliners(2);
    const sequence = await createSequence(t, {
      steps: [TEMPLATE_EMAIL, { type: 'wait', days: 1 }, FOLLOW_UP],
    });
    await request(t.server)
      .post(`/sequences/${sequence.id}/enrollments`)
      .send({ prospect_ids: [first] })
      .expect(201);
    const { jobId } = await launchForReview(t, sequence.id);
    const busy = await request(t.server).post(`/sequences/${sequence.id}/launch`).expect(409);
    expect(busy.body).toMatchObject({ error: 'launch_in_progress', details: { job_id: jobId } });
    await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    await waitForJob(t, jobId, hasStatus('waiting'));
    const run = new RunDriver(t, clock, jobId);
    await run.until(at(3));

    // Enrolled after the launch: a second launch reviews its first touch, then hands it to the run.
    await request(t.server)
      .post(`/sequences/${sequence.id}/enrollments`)
      .send({ prospect_ids: [second] })
      .expect(201);
    const again = await launchForReview(t, sequence.id);
    expect(again.job.steps[0].summary).toBe('Drafted 1 first touches for review');
    await request(t.server).post(`/jobs/${again.jobId}/approve`).send({}).expect(200);
    const handed = await waitForJob(t, again.jobId, hasStatus('succeeded'));
    expect(handed.steps[2].summary).toBe(
      `The sequence runs in job ${jobId}, woken to take these enrollments`,
    );
    await run.settle();
    await run.until(at(28));
    const sent = (await touchesOf(t, sequence.id)).filter((touch) => touch.status === 'sent');
    expect(sent.map((touch) => [touch.touch_index, touch.sent_at])).toEqual(
      expect.arrayContaining([
        [0, at(2)],
        [0, at(3)],
        [1, at(26)],
        [1, at(27)],
      ]),
    );
    expect(sent).toHaveLength(4);
    expect((await run.job()).status).toBe('succeeded');
    const launchedAgain = await request(t.server)
      .post(`/sequences/${sequence.id}/launch`)
      .expect(422);
    expect(launchedAgain.body.error).toBe('nothing_to_launch');
  });
});
