import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DatabaseConnection, PostgresConnection } from '../../../database/database-connection';
import { OutboxMessageEntity } from '../outbox-message.entity';
import { OutboxClaims, PostgresOutboxClaims, TypeOrmOutboxClaims } from './outbox-claims';
import { InProcessSendPacer, PostgresSendPacer, SendPacer } from './send-pacer';

/**
 * The daily limit and the pacing of the engine: as they always were on SQLite (one process), held
 * in the database on Postgres, where several replicas send.
 */
export const sendLimitsProviders: Provider[] = [
  {
    provide: OutboxClaims,
    inject: [DatabaseConnection, getRepositoryToken(OutboxMessageEntity)],
    useFactory: (connection: DatabaseConnection, messages: Repository<OutboxMessageEntity>) =>
      connection instanceof PostgresConnection
        ? new PostgresOutboxClaims(connection)
        : new TypeOrmOutboxClaims(messages),
  },
  {
    provide: SendPacer,
    inject: [DatabaseConnection],
    useFactory: (connection: DatabaseConnection) =>
      connection instanceof PostgresConnection
        ? new PostgresSendPacer(connection)
        : new InProcessSendPacer(),
  },
];
