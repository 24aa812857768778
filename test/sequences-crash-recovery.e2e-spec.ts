import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTestDatabase, testEngine } from './helpers/postgres';
import { http, jobWhere, sendingServiceEnv } from './helpers/service-http';
import {
  ensureBuilt,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from './helpers/service-process';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * A sequence across a SIGKILL of the built service: the run sends the first touches to a real
 * SMTP server that holds back its answer to each message, and is killed while the server holds
 * the second one. A new process on the same database takes the run over: the interrupted touch is
 * never sent again (its enrollment ends `send_failed`), the others go on; a day later — moved by
 * the test clock file both processes read (ZIGRAL_TEST_CLOCK_FILE) — the follow-ups go out,
 * threaded, each once.
 */
// nest build (only when dist/ is stale) + two start-ups + the lease + the slowed SMTP answers.
jest.setTimeout(180_000);

const RECIPIENTS = ['ana', 'ben', 'cleo', 'dan'].map((name) => `${name}@seq-crash.example`);
const CSV = [
  'Name,Email,Title,Company',
  ...RECIPIENTS.map((email) => {
    const name = email.split('@')[0];
    return `${name[0].toUpperCase()}${name.slice(1)} Exempel,${email},VP of Sales,Crash AB`;
  }),
].join('\n');
const DAY_MS = 86_400_000;

interface Touch {
  to: string;
  touch_index: number;
  status: string;
  reason: string | null;
  message_id: string | null;
}

describe('a sequence across a SIGKILL of the built service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-sequence-crash-'));
  const clockFile = join(dir, 'clock-offset');
  const smtp = new TestSmtpServer();
  let env: Record<string, string>;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;

  /** Moves the clock of both processes (renamed into place, so it is read whole). */
  const setOffset = (ms: number) => {
    writeFileSync(`${clockFile}.next`, String(ms));
    renameSync(`${clockFile}.next`, clockFile);
  };

  beforeAll(async () => {
    ensureBuilt();
    await smtp.start();
    setOffset(0);
    env = await sendingServiceEnv({
      dir,
      smtpUrl: smtp.url,
      extra: { NODE_ENV: 'test', ZIGRAL_TEST_CLOCK_FILE: clockFile },
    });
  });

  afterAll(async () => {
    for (const service of [first, second]) {
      stopServiceProcess(service);
      await service?.exited;
    }
    await smtp.stop();
    if (testEngine() === 'postgres' && env) await dropTestDatabase(env.DATABASE_URL);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses and duplicates nothing', async () => {
    first = await startServiceProcess({ cwd: dir, env });
    const base = first.baseUrl;
    const { job_id: importJob } = await http<{ job_id: string }>('POST', `${base}/jobs`, {
      objective: 'Import',
      steps: [{ agent: 'prospects', action: 'import_csv', params: {} }],
      context: { csv: CSV },
    });
    await jobWhere(first, importJob, (job) => job.status === 'succeeded');
    const imported = await http<{ context_data: { state: { prospects: { id: string }[] } } }>(
      'GET',
      `${base}/context/${importJob}`,
    );
    const sequence = await http<{ id: string }>('POST', `${base}/sequences`, {
      name: 'Crash test',
      steps: [
        { type: 'email', subject: 'Hi {{first_name}}', body: 'Hello {{first_name}}' },
        { type: 'wait', days: 1 },
        { type: 'email', subject: 'Again', body: 'Hi {{first_name}}, again.' },
      ],
      // Any hour of any day: the test runs whenever it runs.
      settings: {
        window: {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '00:00',
          end: '24:00',
        },
      },
    });
    await http('POST', `${base}/sequences/${sequence.id}/enrollments`, {
      prospect_ids: imported.context_data.state.prospects.map((prospect) => prospect.id),
    });
    const { job_id: runJob } = await http<{ job_id: string }>(
      'POST',
      `${base}/sequences/${sequence.id}/launch`,
      {},
    );
    await jobWhere(first, runJob, (job) => job.status === 'waiting_approval');

    // Each message is recorded at once but answered only after 3 s: the kill lands while the
    // service waits for the answer to the second one.
    smtp.replyDelayMs = 3000;
    await http('POST', `${base}/jobs/${runJob}/approve`, {});
    await smtp.waitForCount(2, 20_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    smtp.replyDelayMs = 0;

    second = await startServiceProcess({ cwd: dir, env });
    const touches = () =>
      http<{ items: Touch[] }>(
        'GET',
        `${second!.baseUrl}/outbox?sequence_id=${sequence.id}&limit=100`,
      ).then((page) => page.items);
    // The lease runs out; the new process runs the step again and parks for the follow-ups.
    await jobWhere(
      second,
      runJob,
      (job) => job.status === 'waiting' && job.steps[2].attempts === 0,
    );
    const firstTouches = await touches();
    expect(firstTouches.map((touch) => touch.status).sort()).toEqual([
      'failed',
      'sent',
      'sent',
      'sent',
    ]);
    const interrupted = firstTouches.find((touch) => touch.status === 'failed')!;
    expect(interrupted.reason).toBe('interrupted during sending; not retried to avoid a duplicate');
    expect(smtp.received).toHaveLength(4);

    // A day later (by the clock file both processes read): the follow-ups.
    setOffset(DAY_MS + 60_000);
    const done = await jobWhere(second, runJob, (job) => job.status === 'succeeded');
    expect(done.steps[2].summary).toMatch(/every enrollment has ended/);
    const all = await touches();
    const followUps = all.filter((touch) => touch.touch_index === 1);
    expect(followUps.map((touch) => touch.to).sort()).toEqual(
      RECIPIENTS.filter((address) => address !== interrupted.to).sort(),
    );
    for (const address of RECIPIENTS) {
      expect([address, smtp.to(address).length]).toEqual([
        address,
        address === interrupted.to ? 1 : 2,
      ]);
    }
    for (const followUp of followUps) {
      const [mail] = smtp.received.filter((entry) => entry.mail.messageId === followUp.message_id);
      const firstTouch = all.find((touch) => touch.to === followUp.to && touch.touch_index === 0)!;
      expect(mail.header('in-reply-to')).toBe(firstTouch.message_id);
      expect(mail.mail.subject).toMatch(/^Re: Hi /);
    }
    const enrollments = await http<{ items: { status: string; exit_reason: string }[] }>(
      'GET',
      `${second.baseUrl}/sequences/${sequence.id}/enrollments`,
    );
    expect(enrollments.items.map((item) => item.exit_reason).sort()).toEqual([
      'finished',
      'finished',
      'finished',
      'send_failed',
    ]);
  });
});
