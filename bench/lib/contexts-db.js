'use strict';

const Database = require('better-sqlite3');

/**
 * A fresh WAL SQLite file (synchronous=NORMAL, plus `pragmas`) holding the service's contexts
 * table with the same columns and indices as its CreateContexts migration, and a prepared INSERT
 * of a 'bench' entry: `insert.run(jobId, contextJson, createdAt, updatedAt)`. Used by the raw
 * ceilings and the bare Nest app, so both write the table the service writes.
 */
function openContextsDb(file, pragmas = []) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const pragma of pragmas) db.pragma(pragma);
  db.exec(`
    CREATE TABLE contexts (
      job_id varchar(128) PRIMARY KEY NOT NULL,
      job_type varchar(64) NOT NULL,
      context_data text NOT NULL,
      version integer NOT NULL,
      created_at datetime NOT NULL,
      updated_at datetime NOT NULL
    );
    CREATE INDEX IDX_contexts_created_at ON contexts (created_at, job_id);
    CREATE INDEX IDX_contexts_job_type_created_at ON contexts (job_type, created_at);
  `);
  const insert = db.prepare(
    `INSERT INTO contexts (job_id, job_type, context_data, version, created_at, updated_at)
     VALUES (?, 'bench', ?, 1, ?, ?)`,
  );
  return { db, insert };
}

module.exports = { openContextsDb };
