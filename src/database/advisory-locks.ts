/**
 * Keys of the Postgres advisory locks Zigral takes (`pg_advisory_xact_lock(key)`), in one place so
 * no two uses share a key by accident. Each serialises one decision across replicas for the length
 * of a transaction.
 */
export const ADVISORY_LOCKS = {
  /**
   * One client's job submissions (the queue limit): the first key of a two-key lock, the second a
   * hash of the client. Two-key advisory locks never collide with one-key ones.
   */
  clientSubmissions: 7_262_100,
  /** Admitting an LLM call: the calls of the last minute and the job's budget are counted under it. */
  llmAdmission: 7_262_101,
  /** Taking an outbox message for sending: today's count is made and raised under it. */
  emailDailyLimit: 7_262_102,
  /** Enrolling prospects in a sequence: the places they hold are read and taken under it. */
  sequenceEnrollment: 7_262_103,
} as const;
