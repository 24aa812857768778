import { toSseMessages } from './job-events-sse';
import { LocalJobEventsBus } from './job-events-bus';
import { JobEventsService, JOB_FINISHED, JOB_RETRIED } from './job-events.service';
import type { JobEvent } from '../job.types';
import type { JobStore } from '../store/job-store';

const at = new Date('2026-01-02T03:04:05.678Z');
const event = (id: number, type = 'step_started', jobId = 'job-1'): JobEvent => ({
  id,
  jobId,
  type,
  data: { step: id },
  createdAt: at,
});

/** A store whose past events are read when the test says so. */
function storeWithPast(past: JobEvent[]) {
  let release: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (release = resolve));
  const store = { events: jest.fn(async () => (await read, past)) } as unknown as JobStore;
  return { store, release: () => release() };
}

describe('JobEventsService.follow', () => {
  it('hands over the past, then what committed meanwhile, then live events: none twice or lost', async () => {
    const { store, release } = storeWithPast([event(1), event(2)]);
    const events = new JobEventsService(store, new LocalJobEventsBus());
    const received: number[][] = [];
    const following = events.follow('job-1', (batch) => received.push(batch.map((e) => e.id)));
    events.publish([event(2), event(3)]); // committed while the past is read: 2 is in both
    release();
    await following;
    events.publish([event(4), event(5)]);
    expect(received).toEqual([[1, 2], [3], [4, 5]]);
  });

  it('delivers only the events of the followed job, a commit in one call', async () => {
    const { store, release } = storeWithPast([]);
    const events = new JobEventsService(store, new LocalJobEventsBus());
    const received: JobEvent[][] = [];
    release();
    await events.follow('job-1', (batch) => received.push(batch));
    events.publish([event(1, 'a', 'job-2'), event(2, 'b'), event(3, 'c'), event(4, 'd', 'job-2')]);
    expect(received.map((batch) => batch.map((e) => e.type))).toEqual([['b', 'c']]);
  });

  it('stops after job_finished, and when stopped', async () => {
    const { store, release } = storeWithPast([]);
    const events = new JobEventsService(store, new LocalJobEventsBus());
    const finished: number[] = [];
    const stopped: number[] = [];
    release();
    await events.follow('job-1', (batch) => finished.push(...batch.map((e) => e.id)));
    const stop = await events.follow('job-1', (batch) => stopped.push(...batch.map((e) => e.id)));
    events.publish([event(1)]);
    stop();
    events.publish([event(2, JOB_FINISHED), event(3)]);
    events.publish([event(4)]);
    expect(finished).toEqual([1, 2]);
    expect(stopped).toEqual([1]);
  });

  it('replays a retried job past the job_finished of its failed run, to the end of the last', async () => {
    const past = [
      event(1),
      event(2, JOB_FINISHED),
      event(3, JOB_RETRIED),
      event(4),
      event(5, JOB_FINISHED),
    ];
    const { store, release } = storeWithPast(past);
    const events = new JobEventsService(store, new LocalJobEventsBus());
    const received: number[] = [];
    release();
    await events.follow('job-1', (batch) => received.push(...batch.map((e) => e.id)));
    events.publish([event(6)]);
    expect(received).toEqual([1, 2, 3, 4, 5]);
  });

  it('follows a retried job that runs again live, after the replay', async () => {
    const { store, release } = storeWithPast([event(1, JOB_FINISHED), event(2, JOB_RETRIED)]);
    const events = new JobEventsService(store, new LocalJobEventsBus());
    const received: number[] = [];
    release();
    await events.follow('job-1', (batch) => received.push(...batch.map((e) => e.id)));
    events.publish([event(3), event(4, JOB_FINISHED)]);
    events.publish([event(5)]);
    expect(received).toEqual([1, 2, 3, 4]);
  });

  it('rejects, and follows nothing, when the past cannot be read', async () => {
    const store = { events: jest.fn().mockRejectedValue(new Error('db down')) };
    const events = new JobEventsService(store as unknown as JobStore, new LocalJobEventsBus());
    const listener = jest.fn();
    await expect(events.follow('job-1', listener)).rejects.toThrow('db down');
    events.publish([event(1)]);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('toSseMessages', () => {
  it('writes event, id and one data line of JSON with the time, per event', () => {
    expect(toSseMessages([event(7, 'step_started'), event(8, JOB_FINISHED)])).toBe(
      'event: step_started\nid: 7\ndata: {"step":7,"at":"2026-01-02T03:04:05.678Z"}\n\n' +
        'event: job_finished\nid: 8\ndata: {"step":8,"at":"2026-01-02T03:04:05.678Z"}\n\n',
    );
  });
});
