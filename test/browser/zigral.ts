import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from '../helpers/service-process';
import { TestSmtpServer } from '../helpers/test-smtp-server';

/** The built service on a temporary database, with an SMTP sink on loopback. */
export interface Zigral {
  baseUrl: string;
  smtp: TestSmtpServer;
  /** The temporary folder: database, logs, exports. */
  dir: string;
  /** Calls the API directly (for set-up and checks), with the first API key when there is one. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Kills the service (like a crash) and starts it again on the same database and port range. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ZigralOptions {
  /** Extra settings (e.g. API_KEYS); the offline planner is always used (no OpenAI key). */
  env?: Record<string, string>;
  /** Fictional sample prospects (SEED_SAMPLE_DATA); off by default. */
  sampleData?: boolean;
}

export async function startZigral(options: ZigralOptions = {}): Promise<Zigral> {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-browser-'));
  const smtp = new TestSmtpServer();
  await smtp.start();
  const env: Record<string, string> = {
    DATABASE_URL: `sqlite:${join(dir, 'zigral.sqlite')}`,
    LOG_DIR: join(dir, 'logs'),
    LOG_STDOUT: 'false',
    EXPORT_DIR: join(dir, 'exports'),
    SEED_SAMPLE_DATA: options.sampleData ? 'true' : 'false',
    SMTP_URL: smtp.url,
    EMAIL_FROM: 'Ana from Acme <ana@acme.test>',
    EMAIL_PACING_MS: '0',
    RATE_LIMIT: '100000',
    COMMAND_RATE_LIMIT: '1000',
    ...options.env,
  };
  let service: ServiceProcess = await startServiceProcess({ cwd: dir, env });
  const firstKey = env.API_KEYS?.split(',')[0]?.split(':').pop();
  const zigral: Zigral = {
    get baseUrl() {
      return service.baseUrl;
    },
    smtp,
    dir,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      if (firstKey) headers.set('Authorization', `Bearer ${firstKey}`);
      return fetch(`${service.baseUrl}${path}`, { ...init, headers });
    },
    async restart() {
      const port = new URL(service.baseUrl).port;
      stopServiceProcess(service);
      await service.exited;
      service = await startServiceProcess({ cwd: dir, env: { ...env, PORT: port } });
    },
    async stop() {
      stopServiceProcess(service);
      await service.exited;
      await smtp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return zigral;
}
