import type { PostgresConnection } from '../../../database/database-connection';

/**
 * The pause between outgoing messages (EMAIL_PACING_MS), across every job: each message takes
 * the next free slot, `pacingMs` after the previous one's, before it waits for it, so senders
 * running at once take turns.
 */
export abstract class SendPacer {
  /** Takes the next slot; how many ms to wait for it (0: now). */
  abstract reserveSlot(pacingMs: number): Promise<number>;
}

/** One process (SQLite): the next slot is kept in memory. */
export class InProcessSendPacer extends SendPacer {
  private nextSlotAt = 0;

  async reserveSlot(pacingMs: number): Promise<number> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = slot + pacingMs;
    return slot - now;
  }
}

/**
 * Takes the slot and moves the next one on in one statement; the row lock makes replicas'
 * reservations take turns. Times are the database's.
 */
const RESERVE =
  'INSERT INTO email_pacing AS p (id, next_slot_at) ' +
  "VALUES (1, now() + $1 * interval '1 millisecond') ON CONFLICT (id) DO UPDATE " +
  "SET next_slot_at = GREATEST(p.next_slot_at, now()) + $1 * interval '1 millisecond' " +
  'RETURNING GREATEST(0, extract(epoch FROM ' +
  "next_slot_at - $1 * interval '1 millisecond' - now()) * 1000)::float8 AS wait_ms";

/** Replicas on one Postgres database: the next slot is the row of `email_pacing`. */
export class PostgresSendPacer extends SendPacer {
  constructor(private readonly connection: PostgresConnection) {
    super();
  }

  async reserveSlot(pacingMs: number): Promise<number> {
    if (pacingMs <= 0) return 0;
    const { rows } = await this.connection.query<{ wait_ms: number }>(RESERVE, [pacingMs]);
    return Math.ceil(rows[0].wait_ms);
  }
}
