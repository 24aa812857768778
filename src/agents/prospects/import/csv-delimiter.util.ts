import type { Readable } from 'node:stream';

/** Delimiters the exports use: commas, semicolons (European spreadsheets), tabs. */
const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/** The delimiter of a CSV: the one most frequent in its first line, outside quotes; `,` by default. */
export function detectDelimiter(head: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/**
 * Reads the start of a stream, up to its first line break (or `maxBytes`, or its end), and leaves
 * the rest unread; `ended` tells whether that was all of it. Rejects with the stream's error,
 * also one it had before it was called.
 */
export function readHead(
  source: Readable,
  maxBytes = 64 * 1024,
): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (ended: boolean) => {
      source.off('readable', onReadable).off('end', onEnd).off('error', onError);
      // It failed before it was read to here (an upload past its byte limit while the import
      // was being recorded): its data is still buffered, but its 'error' event has passed.
      if (source.errored) reject(source.errored);
      else resolve({ head: Buffer.concat(chunks), ended });
    };
    if (source.errored) return reject(source.errored);
    const onReadable = () => {
      let chunk: Buffer | string | null;
      while ((chunk = source.read() as Buffer | string | null) !== null) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        chunks.push(buffer);
        size += buffer.length;
        if (buffer.includes(10) || size >= maxBytes) return finish(false);
      }
    };
    const onEnd = () => finish(true);
    const onError = (error: Error) => {
      source.off('readable', onReadable).off('end', onEnd);
      reject(error);
    };
    source.on('readable', onReadable).once('end', onEnd).once('error', onError);
  });
}
