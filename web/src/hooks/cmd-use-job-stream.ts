import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { authHeaders } from '../api/client';
import { addEvent, endsStream, parseJobEvent, type JobEvent } from '../lib/cmd-job-events';
import { followEventStream } from '../lib/sse';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'refused';

interface JobLike {
  status: string;
  finished_at: string | null;
}

/** Query keys of a job's page, refreshed after its events. */
export const jobKey = (jobId: string) => ['job', jobId] as const;
export const checkpointsKey = (jobId: string) => ['job', jobId, 'checkpoints'] as const;

/**
 * Follows a job's event stream while the page is open: keeps each event once (a reconnection
 * after a restart may replay them), and reads the job again shortly after events arrive.
 * `generation` restarts the stream (e.g. after a retry of a finished job).
 */
export function useJobStream(
  jobId: string,
  job: JobLike | undefined,
  generation: number,
): { events: JobEvent[]; state: StreamState } {
  const queryClient = useQueryClient();
  const [events, setEvents] = useState<JobEvent[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  const jobRef = useRef(job);
  jobRef.current = job;
  const lastId = useRef(0);
  const lastType = useRef('');
  const loaded = job !== undefined;

  useEffect(() => {
    lastId.current = 0;
    setEvents([]);
  }, [jobId]);

  useEffect(() => {
    if (!loaded) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: jobKey(jobId) });
      }, 200);
    };
    void followEventStream(`/jobs/${encodeURIComponent(jobId)}/events`, {
      headers: authHeaders,
      signal: controller.signal,
      // The service closes the stream after `job_finished`: that is the end, not a lost connection.
      onStateChange: (next) =>
        setState((now) =>
          now === 'refused'
            ? now
            : next === 'reconnecting' && lastType.current === 'job_finished'
              ? 'closed'
              : next,
        ),
      onRefused: () => setState('refused'),
      onMessage: (message) => {
        const event = parseJobEvent(message);
        if (!event || event.id <= lastId.current) return;
        lastId.current = event.id;
        lastType.current = event.type;
        setEvents((list) => addEvent(list, event));
        refresh();
      },
      isDone: (message) => {
        const event = parseJobEvent(message);
        return event !== undefined && endsStream(event, jobRef.current);
      },
    });
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [jobId, loaded, generation, queryClient]);

  return { events, state };
}
