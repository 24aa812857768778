/**
 * The Postgres NOTIFY channel of job events: every transaction that appends events to a job
 * notifies it with the job id as payload (delivered on commit, never for a rollback), so
 * followers on other replicas know when to read that job's new events.
 */
export const JOB_EVENTS_CHANNEL = 'zigral_job_events';
