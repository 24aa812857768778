import { Pool } from 'pg';
import { PostgresConnection } from '../../src/database/database-connection';
import { installPostgresTypes } from '../../src/database/postgres-types';
import { createTestDatabase, dropTestDatabase } from './postgres';

/**
 * Several replicas' connections to one fresh, migrated test database, without the app: each is
 * its own pool, as each replica's TypeORM pool would be. `close` ends them and drops the database.
 */
export async function replicaConnections(
  count: number,
  poolSize = 4,
): Promise<{ url: string; connections: PostgresConnection[]; close(): Promise<void> }> {
  installPostgresTypes();
  const url = await createTestDatabase();
  const pools = Array.from(
    { length: count },
    () => new Pool({ connectionString: url, max: poolSize }),
  );
  return {
    url,
    connections: pools.map((pool) => new PostgresConnection(pool)),
    close: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropTestDatabase(url);
    },
  };
}
