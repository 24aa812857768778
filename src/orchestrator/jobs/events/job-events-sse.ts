import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { JOB_FINISHED } from './job-events.service';
import type { JobEvent } from '../job.types';

/** The headers Nest's @Sse() sends, on top of those the request already collected. */
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  Connection: 'keep-alive',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
  Pragma: 'no-cache',
  Expire: '0',
  'X-Accel-Buffering': 'no',
};

/**
 * Server-Sent Events messages for job events (`event`, `id`, one `data` line of JSON with the
 * event's time as `at`), as Nest's @Sse() would write them one by one.
 */
export function toSseMessages(events: readonly JobEvent[]): string {
  let text = '';
  for (const event of events) {
    const data = JSON.stringify({ ...event.data, at: event.createdAt.toISOString() });
    text += `event: ${event.type.replace(/[\r\n]/g, '')}\nid: ${event.id}\ndata: ${data}\n\n`;
  }
  return text;
}

/**
 * A job's event stream on the raw response: the messages of one commit go out in one write
 * (Nest's @Sse() takes a Transform stream, a promise and a socket write per message). Nothing is
 * written before `open()`, so an error until then still gets its normal JSON answer.
 */
export class JobEventsSse {
  private pending = '';
  private opened = false;
  private finished = false;

  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {}

  /** Writes the messages of these events (held until `open()`); ends after `job_finished`. */
  send(events: readonly JobEvent[]): void {
    const text = toSseMessages(events);
    if (events.some((event) => event.type === JOB_FINISHED)) this.finished = true;
    if (!this.opened) {
      this.pending += text;
      return;
    }
    const response = this.reply.raw;
    if (response.writableEnded) return;
    response.write(text);
    if (this.finished) response.end();
  }

  /**
   * Sends the headers and what was held; `stop` runs when the client goes away first. `ended`:
   * nothing more will come (a finished job resumed after its last event): the stream ends now.
   */
  open(stop: () => void, ended = false): void {
    this.opened = true;
    if (ended) this.finished = true;
    this.reply.hijack();
    const socket = this.request.raw.socket;
    socket.setKeepAlive(true);
    socket.setNoDelay(true);
    socket.setTimeout(0);
    const response = this.reply.raw;
    const headers = { ...this.reply.getHeaders(), ...SSE_HEADERS } as OutgoingHttpHeaders;
    response.writeHead(200, headers);
    response.write(`\n${this.pending}`);
    this.pending = '';
    if (this.finished) response.end();
    else response.once('close', stop);
  }
}
