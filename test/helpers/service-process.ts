import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const DIST_MAIN = join(ROOT, 'dist', 'main.js');
const NEST_CLI = join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
const BUILD_TIMEOUT_MS = 120_000;
const STARTUP_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

/** Newest modification time of the files `nest build` compiles (specs are not built). */
function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the service (`nest build`) when dist/main.js is missing or older than a file under src/,
 * so a fresh clone needs only `npm ci`. Returns the path of dist/main.js.
 */
export function ensureBuilt(): string {
  const stale =
    !existsSync(DIST_MAIN) || statSync(DIST_MAIN).mtimeMs < newestSourceMs(join(ROOT, 'src'));
  if (stale) {
    try {
      execFileSync(process.execPath, [NEST_CLI, 'build'], {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: BUILD_TIMEOUT_MS,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`nest build failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
    }
  }
  if (!existsSync(DIST_MAIN)) throw new Error(`${DIST_MAIN} is missing after nest build`);
  return DIST_MAIN;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The built service running as a child process. */
export interface ServiceProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves with the exit signal (or code) once the process has ended. */
  exited: Promise<string>;
  /** The last 20 kB of its stdout and stderr, for failure messages. */
  output(): string;
  isRunning(): boolean;
}

/**
 * Starts `node dist/main.js` with `cwd` (so no .env of the repository is read), only PATH-like
 * variables of this process, and `env` on top; listens on `env.PORT` or a free port of 127.0.0.1 and resolves
 * once GET /health answers 200. A port taken between picking and binding is retried.
 */
export async function startServiceProcess(input: {
  cwd: string;
  env: Record<string, string>;
}): Promise<ServiceProcess> {
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    // A PORT in `env` is kept (a restart on the same address); otherwise a free one.
    const port = input.env.PORT ?? String(await freePort());
    const service = spawnService(input.cwd, { ...input.env, PORT: port });
    try {
      await waitForHealth(service);
      return service;
    } catch (error) {
      stopServiceProcess(service);
      await service.exited;
      lastError = error as Error;
      if (!service.output().includes('EADDRINUSE')) break;
    }
  }
  throw lastError ?? new Error('the service did not start');
}

/** SIGKILLs the process if it still runs (safe to call in any afterAll). */
export function stopServiceProcess(service: ServiceProcess | undefined): void {
  if (service?.isRunning()) service.child.kill('SIGKILL');
}

function spawnService(cwd: string, env: Record<string, string>): ServiceProcess {
  const keep = /^(PATH|HOME|TMPDIR|TEMP|TMP|LANG|LC_ALL|SYSTEMROOT)$/i;
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => keep.test(entry[0]) && entry[1] !== undefined,
  );
  const child = spawn(process.execPath, [DIST_MAIN], {
    cwd,
    env: { ...Object.fromEntries(inherited), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<string>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(signal ?? `exit ${code}`)),
  );
  return {
    baseUrl: `http://127.0.0.1:${env.PORT}`,
    child,
    exited,
    output: () => output,
    isRunning: () => child.exitCode === null && child.signalCode === null,
  };
}

async function waitForHealth(service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!service.isRunning()) {
      throw new Error(`the service ended at start-up:\n${service.output()}`);
    }
    const healthy = await fetch(`${service.baseUrl}/health`, { signal: AbortSignal.timeout(1000) })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status === 200;
      })
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`GET /health did not answer 200 within ${STARTUP_TIMEOUT_MS} ms`);
}
