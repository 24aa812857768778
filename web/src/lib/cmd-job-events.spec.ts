import {
  addEvent,
  describeJobEvent,
  endsStream,
  MAX_EVENTS,
  parseJobEvent,
  type JobEvent,
} from './cmd-job-events';

const event = (id: number, type: string, data: Record<string, unknown> = {}): JobEvent => ({
  id,
  type,
  data,
});

describe('job events', () => {
  it('parses an SSE message with a numeric id and JSON data', () => {
    expect(parseJobEvent({ id: '3', event: 'step_succeeded', data: '{"step":0}' })).toEqual(
      event(3, 'step_succeeded', { step: 0 }),
    );
    expect(parseJobEvent({ event: 'x', data: '{}' })).toBeUndefined();
    expect(parseJobEvent({ id: '1', event: 'x', data: 'not json' })).toBeUndefined();
    expect(parseJobEvent({ id: '1', event: 'x', data: '[1]' })).toBeUndefined();
  });

  it('keeps each event once when a reconnection replays them', () => {
    let list: JobEvent[] = [];
    for (const id of [1, 2, 3, 1, 2, 3, 4]) list = addEvent(list, event(id, 'e'));
    expect(list.map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it('keeps only the latest events', () => {
    let list: JobEvent[] = [];
    for (let id = 1; id <= MAX_EVENTS + 5; id++) list = addEvent(list, event(id, 'e'));
    expect(list).toHaveLength(MAX_EVENTS);
    expect(list[0].id).toBe(6);
  });

  it('ends the stream at the last finish of a finished job only', () => {
    const finished = { status: 'succeeded', finished_at: '2026-12-07T10:00:10.000Z' };
    const last = event(9, 'job_finished', { status: 'succeeded', at: '2026-12-07T10:00:10.000Z' });
    const former = event(4, 'job_finished', { status: 'failed', at: '2026-12-07T09:00:00.000Z' });
    expect(endsStream(last, finished)).toBe(true);
    expect(endsStream(former, finished)).toBe(false);
    expect(endsStream(last, { status: 'running', finished_at: null })).toBe(false);
    expect(endsStream(last, undefined)).toBe(false);
    expect(endsStream(event(9, 'step_started'), finished)).toBe(false);
  });

  it('tells events in words, steps counted from 1', () => {
    expect(describeJobEvent(event(1, 'job_created'))).toBe('Job created');
    expect(describeJobEvent(event(2, 'step_started', { step: 0, attempt: 1 }))).toBe(
      'Step 1 started',
    );
    expect(describeJobEvent(event(2, 'step_started', { step: 0, attempt: 2 }))).toBe(
      'Step 1 started (attempt 2)',
    );
    expect(describeJobEvent(event(3, 'step_succeeded', { step: 1, summary: 'Found 4' }))).toBe(
      'Step 2 done: Found 4',
    );
    expect(describeJobEvent(event(4, 'approval_needed', { step: 2 }))).toBe(
      'Step 3 waits for approval',
    );
    expect(describeJobEvent(event(5, 'step_failed', { step: 0, error: 'SMTP down' }))).toBe(
      'Step 1 failed: SMTP down',
    );
    expect(describeJobEvent(event(6, 'job_finished', { status: 'cancelled' }))).toBe(
      'Job finished: cancelled',
    );
    expect(describeJobEvent(event(7, 'job_retried', { step: 1 }))).toBe('Job retried from step 2');
    expect(describeJobEvent(event(8, 'something_new'))).toBe('Something new');
  });
});
