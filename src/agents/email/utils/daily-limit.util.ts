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

/** A limit that holds a message back for the rest of the UTC day. */
export type SendLimit = 'daily_limit' | 'sequence_daily_limit';

export type SendLimitDecision =
  { allowed: true } | { allowed: false; limit: SendLimit; reason: string };

/**
 * Whether one more message may go out today: under EMAIL_DAILY_LIMIT (all jobs and sequences
 * together) and, for a sequence's touch, under that sequence's daily cap; both count from
 * midnight UTC. When both are reached, the global limit is the one named.
 */
export function sendLimitDecision(input: {
  sentToday: number;
  dailyLimit: number;
  sequence?: { sentToday: number; cap: number };
}): SendLimitDecision {
  const global = dailyLimitDecision({ sentToday: input.sentToday, limit: input.dailyLimit });
  if (!global.allowed) return { ...global, limit: 'daily_limit' };
  if (input.sequence && input.sequence.sentToday >= input.sequence.cap) {
    return {
      allowed: false,
      limit: 'sequence_daily_limit',
      reason: `the sequence's daily cap of ${input.sequence.cap} messages is reached; not sent today`,
    };
  }
  return { allowed: true };
}
