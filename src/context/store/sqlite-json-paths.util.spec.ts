import Database from 'better-sqlite3';
import { contextPathSets, JsonPathSet } from './sqlite-json-paths.util';

/** What SQLite's json_set makes of a document with these path sets. */
function applyInSqlite(doc: unknown, sets: JsonPathSet[]): unknown {
  const db = new Database(':memory:');
  try {
    const pairs = sets.map(() => '?, json(?)').join(', ');
    const { result } = db
      .prepare(`SELECT json_set(?, ${pairs}) AS result`)
      .get(JSON.stringify(doc), ...sets.flat()) as { result: string };
    return JSON.parse(result);
  } finally {
    db.close();
  }
}

describe('contextPathSets', () => {
  const doc = {
    input: { a: 1 },
    status: 'queued',
    state: { a: 1, keep: 'me' },
    steps: [{ index: 0, status: 'pending' }, { index: 1, status: 'pending' }, { index: 2 }],
    errors: [],
  };

  it('sets the top-level keys, the changed state keys and step entries, as a full merge would', () => {
    const context = {
      status: 'running',
      state: { a: 1, keep: 'me', 'odd key.with[chars]': [1, { b: null }], n: null },
      steps: [
        { index: 0, status: 'succeeded', summary: 'Set n' },
        { index: 1, status: 'running' },
        { index: 2 },
      ],
    };
    const sets = contextPathSets(context, {
      stateKeys: ['odd key.with[chars]', 'n'],
      steps: [0, 1],
    });
    expect(sets).toBeDefined();
    expect(applyInSqlite(doc, sets!)).toEqual({ ...doc, ...context });
  });

  it('leaves state and steps alone when nothing in them changed', () => {
    const sets = contextPathSets({ status: 'succeeded' }, { stateKeys: [], steps: [] });
    expect(sets).toEqual([['$."status"', '"succeeded"']]);
    expect(applyInSqlite(doc, sets!)).toEqual({ ...doc, status: 'succeeded' });
  });

  it.each(['with "quote"', 'back\\slash', 'control\u0001char'])(
    'gives up on a key a JSON path cannot carry (%j)',
    (key) => {
      expect(
        contextPathSets({ state: { [key]: 1 } }, { stateKeys: [key], steps: [] }),
      ).toBeUndefined();
    },
  );

  it('gives up on a value JSON.stringify would drop, or a missing part', () => {
    expect(
      contextPathSets({ state: { a: undefined } }, { stateKeys: ['a'], steps: [] }),
    ).toBeUndefined();
    expect(contextPathSets({ status: undefined }, { stateKeys: [], steps: [] })).toBeUndefined();
    expect(contextPathSets({}, { stateKeys: ['a'], steps: [] })).toBeUndefined();
    expect(contextPathSets({ steps: [] }, { stateKeys: [], steps: [0] })).toBeUndefined();
  });
});
