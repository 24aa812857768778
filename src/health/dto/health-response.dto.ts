import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

/** Checks by name, each with its status (up or down) and what the check adds. */
const CHECK: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', example: 'up' },
    // The mailbox check (always up): how the IMAP watcher of this replica is doing.
    state: {
      type: 'string',
      enum: [
        'not_configured',
        'standby',
        'connecting',
        'connected',
        'auth_failed',
        'unreachable',
        'error',
        'stopped',
      ],
      description: 'Mailbox: how the IMAP watcher is doing (docs/mailbox.md)',
    },
    mailbox: { type: 'string', description: 'Mailbox: the key user@host:port/folder' },
    since: { type: 'string', format: 'date-time', description: 'Mailbox: when `state` began' },
    error: { type: 'string', description: 'Mailbox: why it is not connected' },
    failures: { type: 'integer', description: 'Mailbox: failed attempts in a row' },
    retryAt: { type: 'string', format: 'date-time', description: 'Mailbox: the next attempt' },
    holder: { type: 'string', description: 'Mailbox, on standby: the replica holding the lease' },
    holderState: {
      type: 'string',
      nullable: true,
      description: 'Mailbox, on standby: the state the lease holder reported',
    },
  },
};

const EXAMPLE = {
  database: { status: 'up' },
  mailbox: {
    status: 'up',
    state: 'connected',
    mailbox: 'ana@acme.example@imap.acme.example:993/INBOX',
    since: '2026-06-01T10:00:00.000Z',
  },
};

/** GET /health when every check is up (Terminus' result). */
export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  /** The checks that are up, by name. */
  @ApiProperty({
    type: 'object',
    additionalProperties: CHECK,
    example: EXAMPLE,
  })
  info: Record<string, { status: string }>;

  /** The checks that are down: none when ready. */
  @ApiProperty({ type: 'object', additionalProperties: CHECK, example: {} })
  error: Record<string, { status: string }>;

  /** Every check, by name. */
  @ApiProperty({
    type: 'object',
    additionalProperties: CHECK,
    example: EXAMPLE,
  })
  details: Record<string, { status: string }>;
}
