import { actionRows, capabilities, featureCapabilities, healthRows } from './seq-status';

describe('seq-status', () => {
  const agents = [
    {
      name: 'email',
      description: 'Emails',
      actions: [
        { name: 'draft', description: 'Drafts', available: true },
        {
          name: 'send',
          description: 'Sends',
          available: false,
          unavailable_reason: 'SMTP is not configured: set SMTP_URL',
        },
      ],
    },
    {
      name: 'core',
      description: 'Core',
      actions: [{ name: 'wait', description: 'Waits', available: true }],
    },
  ];

  it('flattens agents into action rows', () => {
    const rows = actionRows(agents);
    expect(rows.map((row) => row.key)).toEqual(['email.draft', 'email.send', 'core.wait']);
    expect(rows[1]).toMatchObject({
      available: false,
      reason: 'SMTP is not configured: set SMTP_URL',
    });
    expect(rows[0]).not.toHaveProperty('reason');
  });

  it('names the capabilities present, with the reason one is missing', () => {
    expect(capabilities(actionRows(agents))).toEqual([
      { label: 'Sending email', available: false, reason: 'SMTP is not configured: set SMTP_URL' },
    ]);
  });

  it('words the health checks', () => {
    expect(
      healthRows({
        database: { status: 'up' },
        mailbox: { status: 'up', state: 'auth_failed', error: 'bad password', failures: 3 },
        cache: { status: 'down' },
      }),
    ).toEqual([
      { name: 'Database', up: true, summary: 'Up' },
      {
        name: 'Mailbox',
        up: true,
        summary: 'Auth failed · bad password · 3 failed attempts in a row',
      },
      { name: 'Cache', up: false, summary: 'Down' },
    ]);
    expect(healthRows(undefined)).toEqual([]);
  });
});

describe('featureCapabilities', () => {
  it('labels the features of GET /status in words, with the reason one is missing', () => {
    expect(
      featureCapabilities([
        { name: 'email.send', available: true, reason: null },
        { name: 'mailbox', available: false, reason: 'Mailbox watching is off: set IMAP_URL' },
        { name: 'something_new', available: true, reason: null },
      ]),
    ).toEqual([
      { label: 'Sending email', available: true },
      {
        label: 'Reading replies from the mailbox',
        available: false,
        reason: 'Mailbox watching is off: set IMAP_URL',
      },
      { label: 'Something new', available: true },
    ]);
  });
});
