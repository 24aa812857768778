/**
 * What the browser can tell about a CSV before sending it: its header row (for the mapping shown
 * before an import when the service has no preview), and a start of the file cut at a line end
 * (what the preview is sent, so a big file is not uploaded twice). Pure functions.
 */

/** Bytes of the file's start sent for a preview. */
export const PREVIEW_BYTES = 256 * 1024;

/** The delimiter of a header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(line: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** The columns of the first line of a CSV text (quotes and a BOM handled). */
export function readHeader(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const columns: string[] = [];
  let cell = '';
  let quoted = false;
  let delimiter: string | undefined;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      continue;
    }
    if (ch === '\n' || ch === '\r') break;
    delimiter ??= detectDelimiter(body.split(/\r?\n/, 1)[0]);
    if (ch === delimiter) {
      columns.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  columns.push(cell.trim());
  return columns.length === 1 && columns[0] === '' ? [] : columns;
}

/** The start of a CSV text up to its last complete line (all of it when `whole`). */
export function cutAtLastLine(text: string, whole: boolean): string {
  if (whole) return text;
  const end = text.lastIndexOf('\n');
  return end < 0 ? text : text.slice(0, end + 1);
}

/** Upload progress as a whole percentage, 0–100. */
export function percent(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
