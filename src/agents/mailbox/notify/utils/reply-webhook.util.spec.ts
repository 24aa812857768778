import type { ReplySummary } from '../reply-notification.types';
import {
  isRetryableWebhookStatus,
  REPLY_SNIPPET_LENGTH,
  replyWebhookPayload,
  snippetOf,
  webhookTarget,
} from './reply-webhook.util';

const summary: ReplySummary = {
  replyId: 'r-1',
  intent: 'interested',
  from: 'ben@beta.example',
  subject: 'Re: A pilot',
  text: 'Sounds good,\n\n  let us talk.',
  receivedAt: new Date('2025-03-04T09:30:00.000Z'),
  prospectId: 'p-1',
  enrollmentId: null,
  sequenceId: null,
  jobId: 'job-1',
};

describe('replyWebhookPayload', () => {
  it('is the summary in snake case, with a snippet and an ISO date', () => {
    expect(replyWebhookPayload(summary)).toEqual({
      reply_id: 'r-1',
      intent: 'interested',
      from: 'ben@beta.example',
      subject: 'Re: A pilot',
      snippet: 'Sounds good, let us talk.',
      received_at: '2025-03-04T09:30:00.000Z',
      prospect_id: 'p-1',
      enrollment_id: null,
      sequence_id: null,
      job_id: 'job-1',
    });
  });
});

describe('snippetOf', () => {
  it('keeps a short text whole and cuts a long one to 280 characters with an ellipsis', () => {
    expect(snippetOf('a'.repeat(REPLY_SNIPPET_LENGTH))).toHaveLength(REPLY_SNIPPET_LENGTH);
    const cut = snippetOf('word '.repeat(100));
    expect(cut.length).toBeLessThanOrEqual(REPLY_SNIPPET_LENGTH);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('never splits a character made of two code units', () => {
    const cut = snippetOf('😀'.repeat(300));
    expect(Array.from(cut)).toHaveLength(REPLY_SNIPPET_LENGTH);
    expect(cut).toBe(`${'😀'.repeat(REPLY_SNIPPET_LENGTH - 1)}…`);
  });
});

describe('webhookTarget', () => {
  it('turns userinfo into Basic auth and keeps the query; the origin shows neither', () => {
    const target = webhookTarget('https://us%40r:p%3Ass@hooks.example.com:8443/in/x?token=t0k');
    expect(target.url).toBe('https://hooks.example.com:8443/in/x?token=t0k');
    expect(target.headers.authorization).toBe(
      `Basic ${Buffer.from('us@r:p:ss').toString('base64')}`,
    );
    expect(target.headers['content-type']).toBe('application/json');
    expect(target.origin).toBe('https://hooks.example.com:8443');
  });

  it('sends no authorization without userinfo', () => {
    expect(webhookTarget('http://127.0.0.1:9/hook').headers).toEqual({
      'content-type': 'application/json',
    });
  });
});

describe('isRetryableWebhookStatus', () => {
  it.each([
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [400, false],
    [401, false],
    [404, false],
    [408, false],
    [422, false],
  ])('%s → %s', (status, expected) => {
    expect(isRetryableWebhookStatus(status)).toBe(expected);
  });
});
