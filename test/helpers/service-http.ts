import { join } from 'node:path';
import type { JobBody } from './jobs';
import { testDatabaseOfFolder, testEngine } from './postgres';
import type { ServiceProcess } from './service-process';

/** A request to a service started as a process; the JSON (or text) answer, or an error naming it. */
export async function http<T>(method: string, url: string, body?: object): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}

/** Probes every `everyMs` until it answers something; throws naming `what` after timeoutMs. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 40_000,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** GET /jobs/{id} on the service until `done` holds. */
export const jobWhere = (
  service: ServiceProcess,
  jobId: string,
  done: (job: JobBody) => boolean,
  timeoutMs = 40_000,
) =>
  until(
    `job ${jobId}`,
    async () => {
      const job = await http<JobBody>('GET', `${service.baseUrl}/jobs/${jobId}`);
      return done(job) ? job : undefined;
    },
    timeoutMs,
  );

/**
 * The environment of a built service that sends to a test SMTP server, on the folder's database
 * (a SQLite file in it, or under npm run test:pg a database of the test cluster): short leases,
 * no pacing, no sample data, rate limits out of the way. `extra` adds or overrides settings.
 */
export async function sendingServiceEnv(input: {
  dir: string;
  smtpUrl: string;
  extra?: Record<string, string>;
}): Promise<Record<string, string>> {
  const databaseUrl =
    testEngine() === 'postgres'
      ? await testDatabaseOfFolder(input.dir)
      : `sqlite:${join(input.dir, 'zigral.sqlite')}`;
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    LOG_DIR: join(input.dir, 'logs'),
    LOG_STDOUT: 'false',
    JOB_LEASE_SECONDS: '2',
    RATE_LIMIT: '100000',
    SEED_SAMPLE_DATA: 'false',
    SMTP_URL: input.smtpUrl,
    EMAIL_FROM: 'ana@zigral.example',
    EMAIL_PACING_MS: '0',
    PUBLIC_URL: 'https://zigral.test',
    ...input.extra,
  };
}
