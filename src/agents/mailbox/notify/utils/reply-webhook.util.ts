import type { ReplySummary, ReplyWebhookPayload } from '../reply-notification.types';

export const REPLY_SNIPPET_LENGTH = 280;

/** The JSON body for one reply. */
export function replyWebhookPayload(summary: ReplySummary): ReplyWebhookPayload {
  return {
    reply_id: summary.replyId,
    intent: summary.intent,
    from: summary.from,
    subject: summary.subject,
    snippet: snippetOf(summary.text),
    received_at: summary.receivedAt.toISOString(),
    prospect_id: summary.prospectId,
    enrollment_id: summary.enrollmentId,
    sequence_id: summary.sequenceId,
    job_id: summary.jobId,
  };
}

/** Whitespace collapsed, at most `max` characters (code points), `…` at the end when cut. */
export function snippetOf(text: string, max = REPLY_SNIPPET_LENGTH): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  if (characters.length <= max) return characters.join('');
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Where and how to POST: fetch refuses a URL with credentials, so userinfo becomes Basic auth. */
export interface WebhookTarget {
  /** The URL without its userinfo (its query, which may hold a token, stays). */
  url: string;
  headers: Record<string, string>;
  /** What a log line may show of the URL: scheme, host and port, no path, query or userinfo. */
  origin: string;
}

export function webhookTarget(webhookUrl: string): WebhookTarget {
  const url = new URL(webhookUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (url.username || url.password) {
    const credentials = `${decode(url.username)}:${decode(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { url: url.href, headers, origin: url.origin };
}

/** Whether an answer with this status is worth another attempt: 5xx and 429, no other. */
export function isRetryableWebhookStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
