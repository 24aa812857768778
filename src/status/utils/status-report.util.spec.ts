import {
  actionFeatures,
  mailboxFeature,
  OFFLINE_PLANNER_REASON,
  plannerStatus,
  replyWebhookFeature,
} from './status-report.util';

describe('status report', () => {
  it('names the model of the LLM planner, and what to set for it when offline', () => {
    expect(plannerStatus({ apiKey: 'sk-test', model: 'gpt-4o-mini' })).toEqual({
      mode: 'llm',
      model: 'gpt-4o-mini',
      reason: null,
    });
    expect(plannerStatus({ model: 'gpt-4o-mini' })).toEqual({
      mode: 'offline',
      model: null,
      reason: OFFLINE_PLANNER_REASON,
    });
    expect(OFFLINE_PLANNER_REASON).toContain('set OPENAI_API_KEY');
  });

  it('tells what to set for the mailbox, and what went wrong with it', () => {
    expect(mailboxFeature({ state: 'not_configured', since: 'T' })).toEqual({
      name: 'mailbox',
      available: false,
      reason: expect.stringContaining('set IMAP_URL'),
    });
    expect(mailboxFeature({ state: 'connected', since: 'T' })).toEqual({
      name: 'mailbox',
      available: true,
      reason: null,
    });
    expect(
      mailboxFeature({ state: 'auth_failed', since: 'T', error: 'AUTHENTICATIONFAILED' }).reason,
    ).toBe(
      'The mail server refused the login: check the user and password in IMAP_URL (AUTHENTICATIONFAILED)',
    );
  });

  it('tells what to set for the reply webhook', () => {
    expect(replyWebhookFeature(undefined).reason).toContain('set REPLY_WEBHOOK_URL');
    expect(replyWebhookFeature('https://hooks.example/x')).toEqual({
      name: 'reply_webhook',
      available: true,
      reason: null,
    });
  });

  it('lists the configured actions the registry has, with their reasons', () => {
    expect(
      actionFeatures([
        { agent: 'email', action: 'draft' },
        {
          agent: 'email',
          action: 'send',
          unavailableReason: 'SMTP is not configured: set SMTP_URL',
        },
        { agent: 'export', action: 'google_sheets' },
      ]),
    ).toEqual([
      { name: 'email.send', available: false, reason: 'SMTP is not configured: set SMTP_URL' },
      { name: 'export.google_sheets', available: true, reason: null },
    ]);
  });
});
