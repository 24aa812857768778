/**
 * The CSV import calls, in one place. POST /prospects/import exists; the preview
 * (POST /prospects/import/preview) and progress (GET /prospects/imports/{id}, `import_id` on the
 * upload) are being added to the service: their answers are typed here from that contract
 * (branch import19) until the generated client has them, and each call says "not there" (null)
 * when the service answers 404, so the page works with or without them.
 */
import { ApiError, apiFetch, authHeaders, type Schemas } from '../api/client';
import { notifyUnauthorized } from '../auth/api-key';
import { cutAtLastLine, PREVIEW_BYTES } from './pros-import-csv';

export type ImportResult = Schemas['ImportResultDto'] & { import_id?: string };
export type ImportRowError = Schemas['ImportRowErrorDto'];

/** POST /prospects/import/preview's answer (ImportPreviewDto). */
export interface ImportPreview {
  delimiter: string;
  encoding: string;
  has_bom: boolean;
  columns: string[];
  mapping: Record<string, string | null>;
  unmapped_columns: string[];
  rows: Array<{
    row: number;
    status: 'ok' | 'skipped';
    prospect: {
      name: string;
      email: string | null;
      title: string | null;
      company: { name: string } | null;
    } | null;
    problems: ImportRowError[];
  }>;
  complete: boolean;
}

/** GET /prospects/imports/{id}'s answer (ImportStatusDto). */
export interface ImportStatus {
  id: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted';
  rows_read: number;
  rows_written: number;
  rows_inserted: number;
  rows_updated: number;
  rows_rejected: number;
  warnings: number;
  error: string | null;
}

/**
 * The route is not on this service: 404, 405, or 415 (a service without the route has no CSV body
 * parser there, and refuses the text/csv body before it finds no route).
 */
function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [404, 405, 415].includes(error.status);
}

/** The preview of a file's first rows, from its first 256 KB; null when the service has none. */
export async function previewImport(file: Blob, rows = 10): Promise<ImportPreview | null> {
  const whole = file.size <= PREVIEW_BYTES;
  const text = cutAtLastLine(await file.slice(0, PREVIEW_BYTES).text(), whole);
  try {
    const response = await apiFetch(`/prospects/import/preview?rows=${rows}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: text,
    });
    const preview = (await response.json()) as ImportPreview;
    return { ...preview, complete: preview.complete && whole };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** An import's progress; null when the service does not record imports (or not this one yet). */
export async function importStatus(id: string): Promise<ImportStatus | null> {
  try {
    const response = await apiFetch(`/prospects/imports/${encodeURIComponent(id)}`);
    return (await response.json()) as ImportStatus;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** A new id for an import (sent as `import_id`, to follow it while it uploads). */
export function newImportId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface UploadOptions {
  /** Sent as `import_id` (only to a service that records imports: an older one refuses it). */
  importId?: string;
  onProgress: (loaded: number, total: number) => void;
}

/**
 * POST /prospects/import with the file as a text/csv body, through XMLHttpRequest for its upload
 * progress (fetch has none). `abort` stops the upload.
 */
export function uploadImport(
  file: Blob,
  options: UploadOptions,
): { done: Promise<ImportResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const query = options.importId ? `?import_id=${encodeURIComponent(options.importId)}` : '';
  const done = new Promise<ImportResult>((resolve, reject) => {
    xhr.open('POST', `/prospects/import${query}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) =>
      options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 401) notifyUnauthorized();
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as ImportResult);
      else reject(new ApiError(xhr.status, body as ConstructorParameters<typeof ApiError>[1]));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the service could not be reached.'));
    xhr.onabort = () => reject(new Error('The upload was stopped.'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
