/** One Server-Sent Events message. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * An incremental text/event-stream parser: feed it chunks as they arrive, get whole messages.
 * Follows the WHATWG rules the service's stream needs (event, id, data lines; comments ignored).
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const messages: SseMessage[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message = parseBlock(block);
      if (message) messages.push(message);
      end = this.buffer.indexOf('\n\n');
    }
    return messages;
  }
}

function parseBlock(block: string): SseMessage | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return undefined;
  return { id, event, data: data.join('\n') };
}

export interface FollowOptions {
  /** Headers of every (re)connection, e.g. the API key. */
  headers: () => Record<string, string>;
  onMessage: (message: SseMessage) => void;
  /** Whether the stream has ended for good (e.g. the job finished): no reconnection. */
  isDone: (message: SseMessage) => boolean;
  onStateChange?: (state: 'connecting' | 'open' | 'reconnecting' | 'closed') => void;
  /** Called with the HTTP status when the service refuses the stream (no retry on 4xx). */
  onRefused?: (status: number) => void;
  signal: AbortSignal;
  /** Milliseconds before reconnection attempt n (1, 2, …). */
  delay?: (attempt: number) => number;
}

/** The wait before reconnection attempt `attempt`: 0.5 s doubling, at most 10 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Reads an event stream with fetch (so the key goes in a header) and reconnects after a network
 * drop or a restart of the service, sending `Last-Event-ID` so no event is missed or repeated.
 */
export async function followEventStream(url: string, options: FollowOptions): Promise<void> {
  const delay = options.delay ?? reconnectDelay;
  let lastEventId: string | undefined;
  let attempt = 0;
  while (!options.signal.aborted) {
    options.onStateChange?.(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...options.headers() };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url, { headers, signal: options.signal });
      if (response.status >= 400 && response.status < 500) {
        options.onRefused?.(response.status);
        options.onStateChange?.('closed');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      options.onStateChange?.('open');
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) {
          if (message.id !== undefined) lastEventId = message.id;
          options.onMessage(message);
          if (options.isDone(message)) {
            options.onStateChange?.('closed');
            await reader.cancel().catch(() => undefined);
            return;
          }
        }
      }
    } catch (error) {
      if (options.signal.aborted) break;
      void error;
    }
    attempt += 1;
    options.onStateChange?.('reconnecting');
    await sleep(delay(attempt), options.signal);
  }
  options.onStateChange?.('closed');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
