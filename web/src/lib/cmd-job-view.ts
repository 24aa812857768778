/** What a job page offers, by the job's status, and what to do about a step's error. */
import { plural } from './format';
import { TERMINAL_STATUSES } from './cmd-job-events';

export const JOB_STATUSES = [
  'queued',
  'running',
  'waiting_approval',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function isJobStatus(value: string | null | undefined): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value ?? '');
}

export const canCancel = (status: string) => !TERMINAL_STATUSES.includes(status);
export const canRetry = (status: string) => status === 'failed';
export const isFinished = (status: string) => TERMINAL_STATUSES.includes(status);

const ADVICE: ReadonlyArray<[RegExp, string]> = [
  [
    /smtp|mail server|econnrefused|etimedout|timed? ?out|network|unreachable|socket/i,
    'A service it talks to could not be reached. Check it is up, then retry the job.',
  ],
  [
    /rate.?limit|quota|429/i,
    'A provider is rate limiting. Wait a few minutes, then retry the job.',
  ],
  [
    /missing|needs|not given|required/i,
    'An input is missing. Start a new command that names it, or add it to the context fields.',
  ],
  [
    /invalid|must be|not allowed/i,
    'A value is not accepted. Rephrase the command and run it again.',
  ],
];

/** The next thing to do about a step's error, in words. */
export function stepErrorNext(error: string, jobStatus: string): string {
  for (const [pattern, advice] of ADVICE) if (pattern.test(error)) return advice;
  return jobStatus === 'failed'
    ? 'Retry the job: it resumes from this step. If it fails again, rephrase the command.'
    : 'The job tries the step again by itself.';
}

interface AudienceLike {
  count: number;
  recipients: number | null;
}

interface StepLike {
  action: string;
  reads: string[];
  writes: string[];
}

/** How many prospects a previewed step works on, in words; undefined for steps without any. */
export function stepReach(step: StepLike, audience: AudienceLike | null): string | undefined {
  if (!audience) return undefined;
  const drafts = /draft|send/.test(step.action) && audience.recipients !== null;
  if (drafts)
    return `${plural(audience.recipients ?? 0, 'email')} to ${plural(audience.recipients ?? 0, 'prospect')}`;
  const touches = [...step.reads, ...step.writes].some(
    (key) => key === 'prospects' || key === 'drafts',
  );
  return touches ? plural(audience.count, 'prospect') : undefined;
}
