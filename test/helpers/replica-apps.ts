import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp, TestAppOptions } from './create-test-app';
import { testEngine } from './postgres';

/**
 * Several replicas of the service on one Postgres database (`npm run test:pg` only): whole apps,
 * each with its own folder (logs, exports) and pool, all on the first one's database.
 * `destroy` closes them all and drops the database.
 */
export async function createReplicaApps(
  count: number,
  options: Omit<TestAppOptions, 'dir'> = {},
): Promise<{ apps: TestApp[]; destroy(): Promise<void> }> {
  if (testEngine() !== 'postgres') throw new Error('Replicas share a Postgres database');
  const first = await createTestApp(options);
  const others: TestApp[] = [];
  for (let i = 1; i < count; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'zigral-replica-'));
    // The folder's database (see testDatabaseOfFolder): the first replica's.
    writeFileSync(
      join(dir, 'postgres-database'),
      first.config.database.type === 'postgres' ? first.config.database.url : '',
    );
    others.push(await createTestApp({ ...options, dir }));
  }
  return {
    apps: [first, ...others],
    destroy: async () => {
      for (const app of others) {
        await app.close();
        rmSync(app.dir, { recursive: true, force: true });
      }
      await first.destroy();
    },
  };
}
