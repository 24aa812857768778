import Database from 'better-sqlite3';
import { SqliteConnection } from '../../database/database-connection';
import { SqliteContextStore } from './sqlite-context.store';
import { SqliteContextWriter } from './sqlite-context.writer';

describe('SqliteContextStore writes', () => {
  let db: Database.Database;
  let store: SqliteContextStore;
  const count = () => (db.prepare('SELECT COUNT(*) AS n FROM contexts').get() as { n: number }).n;
  const record = (jobId: string) => ({
    jobId,
    jobType: 'test',
    contextData: { step: 1 },
    version: 1,
    createdAt: new Date('2026-12-03T10:00:00Z'),
    updatedAt: new Date('2026-12-03T10:00:00Z'),
  });

  let connection: SqliteConnection;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(
      'CREATE TABLE contexts (job_id varchar PRIMARY KEY, job_type varchar NOT NULL, ' +
        'context_data text NOT NULL, version integer NOT NULL, created_at datetime NOT NULL, ' +
        'updated_at datetime NOT NULL)',
    );
    connection = new SqliteConnection(db);
    store = new SqliteContextStore(connection, new SqliteContextWriter(connection));
  });
  afterEach(() => db.close());

  it('join the group commit of the connection: written in its transaction, not before', async () => {
    const first = store.insert(record('a'));
    const second = store.insert(record('b'));
    expect(count()).toBe(0);
    // Another store's write of the same tick runs in the same transaction, after both inserts.
    const seen = connection.commits.run(() => ({
      inTransaction: db.inTransaction,
      rows: count(),
    }));
    await expect(Promise.all([first, second, seen])).resolves.toEqual([
      true,
      true,
      { inTransaction: true, rows: 2 },
    ]);
    expect(db.inTransaction).toBe(false);
  });

  it('answer each write on its own: a taken id is false, the others still commit', async () => {
    await store.insert(record('a'));
    const results = await Promise.all([
      store.insert(record('a')),
      store.insert(record('c')),
      store.mergePatch('a', { step: 2 }, new Date('2026-12-03T10:00:01Z')),
      store.delete('missing'),
    ]);
    expect(results[0]).toBe(false);
    expect(results[1]).toBe(true);
    expect(results[2]).toMatchObject({ contextData: { step: 2 }, version: 2 });
    expect(results[3]).toBe(false);
    expect(count()).toBe(2);
  });
});
