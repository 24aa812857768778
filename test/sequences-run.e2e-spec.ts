import request from 'supertest';
import { Clock } from '../src/common/time/clock';
import { createTestApp, TestApp, TestAppOptions } from './helpers/create-test-app';
import { FakeClock } from './helpers/fake-clock';
import { hasStatus, waitForJob } from './helpers/jobs';
import { launchForReview, OutboxBody, RunDriver, touchesOf } from './helpers/sequence-run';
import { createSequence, storeProspects } from './helpers/sequences';
import { ReceivedMail, TestSmtpServer } from './helpers/test-smtp-server';

/**
 * A 3-touch sequence run end to end over HTTP, on a real SMTP server on 127.0.0.1 and a moved
 * clock: 22 prospects in Berlin, New York and Tokyo; launched, reviewed (one first touch edited,
 * one deleted) and approved; then the clock moves on hour by hour across Berlin's change to
 * summer time (2026-03-29), with a reply, a bounce, a pause of the sequence and a restart of the
 * service on the way. Each touch goes out once, in the prospect's window, threaded.
 */
const smtp = new TestSmtpServer();
// Thursday 2026-03-26, 00:00 UTC: 09:00 in Tokyo, 01:00 in Berlin, Wednesday 20:00 in New York.
const clock = new FakeClock('2026-03-26T00:00:00.000Z');
const HOUR = 3_600_000;

const STEPS = [
  {
    type: 'email',
    subject: '{{first_name}}, a quick idea for {{company}}',
    body: 'Hi {{first_name}},\n\nwould {{offer}} help {{company}}?\n\nBest, Ana',
  },
  { type: 'wait', business_days: 2 },
  {
    type: 'email',
    subject: 'ignored: a follow-up answers the first',
    body: 'Hi {{first_name}}, any thoughts?',
  },
  { type: 'wait', days: 3 },
  { type: 'email', draft: 'llm', instructions: 'A last, short note' },
];

const PLACES: Record<string, { country: string; city?: string; zone: string }> = {
  berlin: { country: 'Germany', zone: 'Europe/Berlin' },
  newYork: { country: 'United States', city: 'New York', zone: 'America/New_York' },
  tokyo: { country: 'Japan', zone: 'Asia/Tokyo' },
};
type Place = keyof typeof PLACES;

let options: TestAppOptions;
let t: TestApp;

beforeAll(async () => {
  await smtp.start();
  options = {
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Ana Exemple <ana@zigral.example>',
      EMAIL_PACING_MS: '0',
      // The clock is driven through the API: far more requests a minute than a person makes.
      RATE_LIMIT: '100000',
    },
    override: (builder) => builder.overrideProvider(Clock).useValue(clock),
  };
  t = await createTestApp(options);
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
});

/** The local wall-clock day and time of an instant in a zone, e.g. "Thu 09:00". */
function localTime(
  instant: string,
  zone: string,
): { weekday: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value;
  return { weekday: part('weekday'), hour: Number(part('hour')), minute: Number(part('minute')) };
}

describe('a sequence run', () => {
  it('sends each touch once, in the window of the prospect’s zone, threaded; exits, pause, restart', async () => {
    const people: { place: Place; name: string }[] = [];
    for (const place of ['berlin', 'newYork', 'tokyo'] as Place[]) {
      for (let i = 0; i < (place === 'berlin' ? 8 : 7); i++) {
        people.push({
          place,
          name: `${place === 'berlin' ? 'Jonas' : place === 'tokyo' ? 'Yuki' : 'Emma'} ${place}${i}`,
        });
      }
    }
    const ids = await storeProspects(
      t,
      people.map(({ place, name }) => ({
        name,
        email: `${name.toLowerCase().replace(' ', '.')}@${place.toLowerCase()}.example`,
        country: PLACES[place].country,
        city: PLACES[place].city,
        company: { name: `${place} GmbH`, domain: `${place.toLowerCase()}.example` },
      })),
    );
    const placeOf = new Map(ids.map((id, i) => [id, people[i].place]));
    const sequence = await createSequence(t, { steps: STEPS });
    const enrolled = await request(t.server)
      .post(`/sequences/${sequence.id}/enrollments`)
      .send({ prospect_ids: ids })
      .expect(201);
    expect(enrolled.body.enrolled).toHaveLength(22);
    const enrollmentOf = new Map<string, string>(
      enrolled.body.enrolled.map((e: { id: string; prospect_id: string }) => [e.prospect_id, e.id]),
    );

    // Launch: the first touches, drafted for review.
    const { jobId, job } = await launchForReview(t, sequence.id, {
      offer: 'a 14-day pilot',
      sender: 'Ana from Zigral',
    });
    expect(job.steps.map((step) => step.status)).toEqual([
      'succeeded',
      'waiting_approval',
      'pending',
    ]);
    expect(
      (job.steps[1].preview as { inputs: { drafts: { count: number } } }).inputs.drafts.count,
    ).toBe(22);
    const drafts = (
      await request(t.server).get('/outbox').query({ job_id: jobId, limit: 100 }).expect(200)
    ).body.items as OutboxBody[];
    expect(drafts).toHaveLength(22);
    expect(drafts.every((draft) => draft.status === 'draft' && draft.touch_index === 0)).toBe(true);
    const jonas0 = drafts.find((draft) => draft.to.startsWith('jonas.berlin0@'))!;
    expect(jonas0.subject).toBe('Jonas, a quick idea for berlin GmbH');
    expect(jonas0.body).toBe('Hi Jonas,\n\nwould a 14-day pilot help berlin GmbH?\n\nBest, Ana');
    await request(t.server)
      .patch(`/outbox/${jonas0.id}`)
      .send({ subject: 'Jonas, one question' })
      .expect(200);
    const removed = drafts.find((draft) => draft.to.startsWith('jonas.berlin7@'))!;
    await request(t.server).delete(`/outbox/${removed.id}`).expect(204);
    expect(smtp.received).toHaveLength(0);

    await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const started = await waitForJob(t, jobId, hasStatus('waiting'));
    expect(started.current_step).toBe(2);
    expect(started.steps[1].summary).toBe(
      'Launched 21 enrollments; 1 removed or ended during the review',
    );
    const seq = (await request(t.server).get(`/sequences/${sequence.id}`).expect(200)).body;
    expect(seq.run_job_id).toBe(jobId);
    const run = new RunDriver(t, clock, jobId);
    await run.settle();
    // 09:00 in Tokyo: its first touches went out at once; Berlin and New York wait for theirs.
    expect(smtp.received).toHaveLength(7);

    const removedEnrollment = (
      await request(t.server).get(`/enrollments/${removed.enrollment_id}`).expect(200)
    ).body;
    expect(removedEnrollment).toMatchObject({ status: 'stopped', exit_reason: 'removed' });

    const replier = ids[people.findIndex((p) => p.name === 'Emma newYork0')];
    const bouncer = ids[people.findIndex((p) => p.name === 'Yuki tokyo0')];
    const bouncerEmail = 'yuki.tokyo0@tokyo.example';
    let restarted = false;
    let paused = false;
    let receivedAtPause = 0;
    await run.until('2026-04-03T08:00:00.000Z', HOUR, async (now) => {
      const iso = now.toISOString();
      if (iso === '2026-03-27T12:00:00.000Z') {
        // Day 2: a reply and a bounce, each after the first touch.
        const replied = await request(t.server)
          .post(`/enrollments/${enrollmentOf.get(replier)}/events`)
          .send({ type: 'replied', note: 'Interested, call me' })
          .expect(201);
        expect(replied.body.enrollment).toMatchObject({
          status: 'replied',
          exit_reason: 'replied',
        });
        expect(replied.body.event).toMatchObject({ type: 'replied', step_index: 0 });
        await request(t.server)
          .post(`/enrollments/${enrollmentOf.get(bouncer)}/events`)
          .send({ type: 'bounced' })
          .expect(201);
      }
      if (iso === '2026-03-28T12:00:00.000Z' && !restarted) {
        // Saturday: a deploy. The run job is parked; the next process takes it up.
        restarted = true;
        await t.close();
        t = await createTestApp({ ...options, dir: t.dir });
        run.use(t);
      }
      if (iso === '2026-04-01T12:00:00.000Z') {
        await request(t.server).post(`/sequences/${sequence.id}/pause`).expect(200);
        paused = true;
        receivedAtPause = smtp.received.length;
      }
      if (iso === '2026-04-02T20:00:00.000Z') {
        // Thursday's touches fell due while paused: none went out.
        expect(smtp.received.length).toBe(receivedAtPause);
        await request(t.server).post(`/sequences/${sequence.id}/resume`).expect(200);
        paused = false;
      }
    });
    expect(paused).toBe(false);

    const touches = (await touchesOf(t, sequence.id)).filter((touch) => touch.status === 'sent');
    const byEnrollment = new Map<string, OutboxBody[]>();
    for (const touch of touches) {
      byEnrollment.set(touch.enrollment_id!, [
        ...(byEnrollment.get(touch.enrollment_id!) ?? []),
        touch,
      ]);
    }
    // 21 launched: 19 got all three touches, the replier and the bouncer only the first.
    expect(touches).toHaveLength(19 * 3 + 2);
    expect(smtp.received).toHaveLength(touches.length);
    expect(byEnrollment.get(enrollmentOf.get(replier)!)!.map((touch) => touch.touch_index)).toEqual(
      [0],
    );
    expect(byEnrollment.get(enrollmentOf.get(bouncer)!)!.map((touch) => touch.touch_index)).toEqual(
      [0],
    );
    expect(byEnrollment.has(removed.enrollment_id!)).toBe(false);

    const mailOf = (messageId: string): ReceivedMail => {
      const found = smtp.received.filter((mail) => mail.mail.messageId === messageId);
      expect(found).toHaveLength(1);
      return found[0];
    };
    for (const [prospectId, enrollmentId] of enrollmentOf) {
      const sent = (byEnrollment.get(enrollmentId) ?? []).sort(
        (a, b) => a.touch_index! - b.touch_index!,
      );
      const zone = PLACES[placeOf.get(prospectId)!].zone;
      for (const touch of sent) {
        // In the window of the prospect's zone: Monday to Friday, 09:00 to 17:00.
        const local = localTime(touch.sent_at!, zone);
        expect([touch.to, local.weekday, local.hour >= 9 && local.hour < 17]).toEqual([
          touch.to,
          expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri)$/),
          true,
        ]);
        const mail = mailOf(touch.message_id!);
        expect(mail.envelopeTo).toEqual([touch.to]);
        if (touch.touch_index! > 0) {
          const earlier = sent.slice(0, touch.touch_index!).map((entry) => entry.message_id!);
          expect(mail.mail.subject).toBe(`Re: ${sent[0].subject}`);
          expect(mail.header('in-reply-to')).toBe(earlier[earlier.length - 1]);
          expect(mail.header('references')?.replace(/\s+/g, ' ')).toBe(earlier.join(' '));
        }
        if (touch.touch_index === 2) {
          // Drafted offline (no LLM key): a short reply to the thread, not the first email again.
          expect(touch.body).toContain('One more short note from me on the message below.');
          expect(touch.body).not.toBe(sent[0].body);
        }
      }
    }

    // Berlin across the change to summer time: 09:00 local each time, the UTC hour one earlier.
    const jonas1 = byEnrollment
      .get(enrollmentOf.get(ids[1])!)!
      .sort((a, b) => a.touch_index! - b.touch_index!);
    expect(jonas1.map((touch) => touch.sent_at)).toEqual([
      '2026-03-26T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      // Due Thursday 09:00 while paused; resumed Thursday 22:00: Friday 09:00.
      '2026-04-03T07:00:00.000Z',
    ]);
    const edited = byEnrollment
      .get(jonas0.enrollment_id!)!
      .sort((a, b) => a.touch_index! - b.touch_index!);
    expect(edited.map((touch) => touch.subject)).toEqual([
      'Jonas, one question',
      'Re: Jonas, one question',
      'Re: Jonas, one question',
    ]);

    // Exits: the bounced address is suppressed; the others finished.
    const suppressed = await request(t.server)
      .get('/suppressions')
      .query({ limit: 100 })
      .expect(200);
    expect(suppressed.body.items.map((row: { value: string }) => row.value)).toContain(
      bouncerEmail,
    );
    const detail = (await request(t.server).get(`/sequences/${sequence.id}`).expect(200)).body;
    expect(detail.enrollments).toMatchObject({
      finished: 19,
      replied: 1,
      bounced: 1,
      stopped: 1,
      active: 0,
    });
    expect(
      detail.step_stats.map((step: Record<string, unknown>) => [
        step.sent,
        step.replied,
        step.bounced,
      ]),
    ).toEqual([
      [21, 1, 1],
      [0, 0, 0],
      [19, 0, 0],
      [0, 0, 0],
      [19, 0, 0],
    ]);
    expect(detail.step_stats[0].reply_rate).toBeCloseTo(1 / 21, 3);
    const final = await run.job();
    expect(final.status).toBe('succeeded');
    const timeline = (
      await request(t.server)
        .get(`/enrollments/${enrollmentOf.get(ids[1])}`)
        .expect(200)
    ).body.timeline as { type: string }[];
    expect(timeline.map((event) => event.type)).toEqual([
      'launched',
      'sent',
      'sent',
      'sent',
      'exited',
    ]);
  });
});
