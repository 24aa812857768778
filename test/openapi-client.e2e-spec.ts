import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { createTestApp, TestApp } from './helpers/create-test-app';

const CLIENT_DIR = join(__dirname, 'openapi-client');
const GENERATE_TYPES = join(__dirname, '..', 'scripts', 'generate-openapi-types.js');

/**
 * Writes the client's types from `document` with the script `npm run check:client` runs, in its own
 * Node process (openapi-typescript loads ES modules, which Jest's module system does not).
 */
async function generateTypes(document: unknown, dir: string): Promise<void> {
  const documentFile = join(dir, 'openapi.json');
  writeFileSync(documentFile, JSON.stringify(document));
  const typesFile = join(CLIENT_DIR, 'generated', 'zigral-api.ts');
  await promisify(execFile)(process.execPath, [GENERATE_TYPES, documentFile, typesFile]);
}

/** What the test calls of test/openapi-client/zigral-client.ts (loaded once its types exist). */
interface ClientModule {
  createZigralClient(baseUrl: string): unknown;
  createContext(
    client: unknown,
    jobId: string,
    data: Record<string, unknown>,
  ): Promise<{ job_id: string; version: number; etag: string }>;
  submitCommand(
    client: unknown,
    command: string,
  ): Promise<{ job_id: string; planner: string; steps: { agent: string; action: string }[] }>;
  findProspects(
    client: unknown,
    filters: { title: string[]; country: string[] },
  ): Promise<{ total: number; items: { title: string | null; country: string | null }[] }>;
  defineSequence(client: unknown, name: string): Promise<{ id: string; status: string }>;
  enrolBySearch(
    client: unknown,
    sequenceId: string,
    filter: { title: string[]; country: string[]; include_sample?: boolean },
  ): Promise<{ enrolled: unknown[]; skipped: { reason: string }[] }>;
  launchSequence(
    client: unknown,
    sequenceId: string,
    offer: string,
  ): Promise<{ launch?: unknown; refused?: string }>;
  stepStats(client: unknown, sequenceId: string): Promise<{ index: number; sent: number }[]>;
  openTasks(client: unknown, sequenceId: string): Promise<{ total: number }>;
}

/** The compiler's complaints about the generated types and the client, under the client's tsconfig (strict). */
function strictCompileErrors(): string[] {
  const configFile = join(CLIENT_DIR, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, CLIENT_DIR);
  expect(parsed.options.strict).toBe(true);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/**
 * A client generated from the running service's /docs-json with openapi-typescript compiles under
 * `tsc --strict` (so paging parameters are optional, arrays are arrays…), and works against the
 * service listening on 127.0.0.1: a context entry, a command, a prospect search, a
 * sequence, an enrolment, a launch refused, step counts and the to-do list.
 */
describe('The typed client generated from /docs-json', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SEED_SAMPLE_DATA: 'true' } });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as unknown;
    await generateTypes(document, t.dir);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('compiles under tsc --strict with the client code that uses it', () => {
    expect(strictCompileErrors()).toEqual([]);
  });

  it('creates a context entry, submits a command, finds prospects and enrols them over HTTP', async () => {
    const modulePath = join(CLIENT_DIR, 'zigral-client');
    const client: ClientModule = await import(modulePath);
    const zigral = client.createZigralClient(baseUrl);

    const entry = await client.createContext(zigral, 'typed-client-1', { note: 'from the client' });
    expect(entry).toMatchObject({ job_id: 'typed-client-1', version: 1 });
    expect(entry.etag).toMatch(/^".+"$/);

    const job = await client.submitCommand(zigral, 'Find VPs of Sales in Germany');
    expect(job).toMatchObject({
      planner: 'offline',
      steps: [{ agent: 'prospects', action: 'search' }],
    });

    const page = await client.findProspects(zigral, {
      title: ['VP Sales'],
      country: ['Germany', 'Austria'],
    });
    expect(page.total).toBeGreaterThan(0);
    for (const prospect of page.items) {
      expect(['Germany', 'Austria']).toContain(prospect.country);
      expect(prospect.title).toMatch(/VP|Vice President/);
    }
    expect(new Set(page.items.map((prospect) => prospect.country))).toEqual(
      new Set(['Germany', 'Austria']),
    );

    // The sample prospects are found, and never enrolled.
    const sequence = await client.defineSequence(zigral, 'Typed client');
    expect(sequence.status).toBe('active');
    const outcome = await client.enrolBySearch(zigral, sequence.id, {
      title: ['VP Sales'],
      country: ['Germany'],
      include_sample: true,
    });
    expect(outcome.enrolled).toEqual([]);
    expect(outcome.skipped.length).toBeGreaterThan(0);
    for (const skip of outcome.skipped) expect(skip.reason).toBe('sample_data');

    // No SMTP here: a launch is refused with its code; the stats and the to-do list read.
    expect(await client.launchSequence(zigral, sequence.id, 'a pilot')).toEqual({
      refused: 'sending_unavailable',
    });
    const stats = await client.stepStats(zigral, sequence.id);
    expect(stats.map((step) => [step.index, step.sent])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    expect((await client.openTasks(zigral, sequence.id)).total).toBe(0);
  });
});
