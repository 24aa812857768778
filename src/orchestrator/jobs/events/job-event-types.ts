/**
 * The events of a job's stream (GET /jobs/{id}/events), with the fields of their `data` besides
 * `at` (the event's time). The route's OpenAPI description lists them from here; a new event type
 * belongs here too.
 */
export const JOB_EVENT_TYPES: Readonly<Record<string, string>> = {
  job_created: '`status` (queued)',
  step_started: '`step` (index), `agent`, `action`, `attempt`, `runner`',
  step_succeeded: '`step`, `summary`, `output_keys`',
  step_retried: '`step`, `attempt`, `error`, `delay_ms` (until the next attempt)',
  step_failed: '`step`, `error`',
  approval_needed:
    '`step`, `agent`, `action`, `description`, `params`, `inputs`: what the step will do once approved',
  approved: '`step`, `params` (as approved)',
  rejected: '`step`, `reason`',
  job_retried:
    "`step` (where the job resumes); `context_keys` (the top-level keys the retry patched) and `params` (the step's new params) when the retry changed them",
  step_waiting:
    '`step`, `summary`, `output_keys`, `wake_at`: a repeating step (sequences.run) ran and parked the job, to run again then',
  job_waiting:
    '`wake_at`: the job parked in `waiting` after a core.wait step or a repeating one, holding no runner, until then (or until woken earlier)',
  job_finished:
    '`status` (succeeded, failed or cancelled; `from` on a cancel): the last event, the stream ends after it (a failed run followed by `job_retried` does not end the replay)',
};
