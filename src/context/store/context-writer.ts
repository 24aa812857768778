import type { DatabaseEngine } from '../../database/database-connection';

/**
 * The one writer of the `contexts` table: the Context module's store writes through it, and so
 * do other modules' stores that change a context entry inside their own transaction (the job
 * store's commits). ContextModule provides the subclass of the app's engine:
 * `SqliteContextWriter` (synchronous statements, run inside the caller's group commit) or
 * `PostgresContextWriter` (statements on the caller's transaction). Every write moves the entry's
 * revision forward as `nextRevision` says: version + 1, updated_at strictly increasing.
 */
export abstract class ContextWriter {
  abstract readonly engine: DatabaseEngine;
}
