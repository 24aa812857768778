/** Midnight UTC of the day `now` falls in: the daily limit counts from there. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export type DailyLimitDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether one more message may go out today, given how many were sent (or are being sent)
 * since midnight UTC across all jobs. A limit of 0 sends nothing.
 */
export function dailyLimitDecision(input: {
  sentToday: number;
  limit: number;
}): DailyLimitDecision {
  if (input.sentToday < input.limit) return { allowed: true };
  return {
    allowed: false,
    reason: `daily limit of ${input.limit} messages reached (EMAIL_DAILY_LIMIT); not sent`,
  };
}
