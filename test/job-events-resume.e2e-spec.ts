import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, parseSse, waitForJob } from './helpers/jobs';

/** GET /jobs/{id}/events resumes after the Last-Event-ID a reconnecting client sends. */
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
});
afterAll(() => t.destroy());

type SseEvent = ReturnType<typeof parseSse>[number];

/** Reads the stream until `count` events came, then goes away (as a dropped connection does). */
function readSome(jobId: string, count: number, lastEventId?: string): Promise<SseEvent[]> {
  return new Promise((resolve, reject) => {
    const headers = lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId };
    const req = httpRequest({ port, host: '127.0.0.1', path: `/jobs/${jobId}/events`, headers });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        const complete = text.slice(0, text.lastIndexOf('\n\n') + 2);
        const events = parseSse(complete);
        if (events.length >= count) {
          req.destroy();
          resolve(events.slice(0, count));
        }
      });
      response.on('end', () => reject(new Error(`stream ended early: ${text}`)));
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

const ids = (events: SseEvent[]) => events.map((event) => Number(event.id));

describe('SSE resume with Last-Event-ID', () => {
  it('replays only the events after the id, then live ones: none missed, none twice', async () => {
    const jobId = await createJob(t, [
      { agent: 'core', action: 'set_context', params: { values: { a: 1 } } },
      { agent: 'core', action: 'review', params: {} },
      { agent: 'core', action: 'set_context', params: { values: { b: 2 } } },
    ]);
    await waitForJob(t, jobId, hasStatus('waiting_approval'));
    // Part of the stream, then the connection drops.
    const first = await readSome(jobId, 2);
    expect(first.map((event) => event.event)).toEqual(['job_created', 'step_started']);

    // Reconnect after the first part: the rest of the past, then live events until the end.
    const rest = request(t.server)
      .get(`/jobs/${jobId}/events`)
      .set('Last-Event-ID', first[1].id)
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const resumed = parseSse((await rest).text);
    expect(resumed[0].event).toBe('step_succeeded');
    expect(resumed.at(-1)!.event).toBe('job_finished');

    const whole = parseSse((await request(t.server).get(`/jobs/${jobId}/events`).expect(200)).text);
    expect([...ids(first), ...ids(resumed)]).toEqual(ids(whole));
    expect(whole.map((event) => event.event)).toContain('approved');
  });

  it('ends at once for a finished job resumed after its last event', async () => {
    const jobId = await createJob(t, [
      { agent: 'core', action: 'set_context', params: { values: { a: 1 } } },
    ]);
    await waitForJob(t, jobId, hasStatus('succeeded'));
    const whole = parseSse((await request(t.server).get(`/jobs/${jobId}/events`).expect(200)).text);
    const last = whole.at(-1)!;
    const after = await request(t.server)
      .get(`/jobs/${jobId}/events`)
      .set('Last-Event-ID', last.id)
      .timeout(5000)
      .expect(200);
    expect(after.headers['content-type']).toContain('text/event-stream');
    expect(parseSse(after.text)).toEqual([]);
    const tail = await request(t.server)
      .get(`/jobs/${jobId}/events`)
      .set('Last-Event-ID', whole.at(-3)!.id)
      .expect(200);
    expect(parseSse(tail.text)).toEqual(whole.slice(-2));
  });

  it.each(['abc', '-1', '2.5'])(
    'answers 400 naming the header for Last-Event-ID %s',
    async (value) => {
      const jobId = await createJob(t, [
        { agent: 'core', action: 'set_context', params: { values: { a: 1 } } },
      ]);
      const response = await request(t.server)
        .get(`/jobs/${jobId}/events`)
        .set('Last-Event-ID', value)
        .expect(400);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body.message).toMatch(/^Last-Event-ID must be/);
    },
  );

  it('still answers 404 for an unknown job with a Last-Event-ID', async () => {
    await request(t.server).get('/jobs/no-such-job/events').set('Last-Event-ID', '5').expect(404);
  });
});
