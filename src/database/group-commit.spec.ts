import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  let db: Database.Database;
  let commits: GroupCommit;
  const insert = (value: string) => () =>
    db.prepare('INSERT INTO items (value) VALUES (?)').run(value).changes;
  const values = () =>
    (db.prepare('SELECT value FROM items ORDER BY id').all() as { value: string }[]).map(
      (row) => row.value,
    );

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, value TEXT UNIQUE)');
    commits = new GroupCommit(db);
  });
  afterEach(() => db.close());

  it('runs the writes of one tick in one transaction, in order, then resolves each', async () => {
    let seenInside: { inTransaction: boolean; values: string[] } | undefined;
    const results = await Promise.all([
      commits.run(insert('a')),
      commits.run(insert('b')),
      commits.run(() => {
        seenInside = { inTransaction: db.inTransaction, values: values() };
        return 'last';
      }),
    ]);
    expect(results).toEqual([1, 1, 'last']);
    expect(seenInside).toEqual({ inTransaction: true, values: ['a', 'b'] });
    expect(db.inTransaction).toBe(false);
    expect(values()).toEqual(['a', 'b']);
  });

  it('nothing is visible or resolved before the commit', async () => {
    let settled = false;
    const pending = commits.run(insert('a')).then(() => (settled = true));
    expect(values()).toEqual([]);
    await Promise.resolve();
    expect(settled).toBe(false);
    await pending;
    expect(values()).toEqual(['a']);
  });

  it('a write that throws rolls back alone and rejects only its caller', async () => {
    const outcomes = await Promise.allSettled([
      commits.run(insert('a')),
      commits.run(() => {
        insert('b')();
        insert('a')(); // UNIQUE violation: 'b' goes back too
      }),
      commits.run(insert('c')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(values()).toEqual(['a', 'c']);
  });

  it('a one-statement write that fails (runStatement) is undone alone by SQLite and rejects only its caller', async () => {
    const insertTwo = (first: string, second: string) => () =>
      db.prepare('INSERT INTO items (value) VALUES (?), (?)').run(first, second).changes;
    const outcomes = await Promise.allSettled([
      commits.runStatement(insertTwo('a', 'b')),
      commits.runStatement(insertTwo('c', 'a')), // UNIQUE violation on its second row
      commits.runStatement(insertTwo('d', 'e')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // 'c' went in before the failing row and came out with it.
    expect(values()).toEqual(['a', 'b', 'd', 'e']);
  });

  it.each([
    ['run', (work: () => unknown) => commits.run(work)],
    ['runStatement', (work: () => unknown) => commits.runStatement(work)],
  ])(
    'when SQLite rolls the whole transaction back (a full disk), %s rejects every caller and saves nothing',
    async (_name, write) => {
      db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 3}`);
      const outcomes = await Promise.allSettled([
        write(insert('a')),
        write(insert('x'.repeat(100_000))), // SQLITE_FULL: SQLite rolls everything back
        write(insert('c')),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
      ]);
      for (const outcome of outcomes) {
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
      }
      expect(values()).toEqual([]);
      expect(db.inTransaction).toBe(false);
      await expect(write(insert('d'))).resolves.toBe(1);
    },
  );

  it('a lone write that throws leaves nothing behind', async () => {
    await expect(
      commits.run(() => {
        insert('x')();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(values()).toEqual([]);
    await expect(commits.run(insert('y'))).resolves.toBe(1);
    expect(values()).toEqual(['y']);
  });

  it('a write of a later tick goes into the next transaction', async () => {
    await commits.run(insert('a'));
    await commits.run(insert('b'));
    expect(values()).toEqual(['a', 'b']);
  });
});
