export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const MAX_JOB_PART = 60;

/**
 * The name a download gets: `zigral-<job>-<YYYY-MM-DD>.<format>`, the job id reduced to
 * letters, digits, `_` and `-` so the name is safe in a header and on every file system.
 */
export function downloadFileName(input: {
  jobId: string;
  date: Date;
  format: ExportFormat;
}): string {
  const job = input.jobId
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_JOB_PART);
  const day = input.date.toISOString().slice(0, 10);
  return `zigral-${job || 'job'}-${day}.${input.format}`;
}

/** The file's name in EXPORT_DIR: the export's UUID, so nothing from a request reaches a path. */
export function storedFileName(exportId: string, format: ExportFormat): string {
  if (!/^[0-9a-f-]{36}$/i.test(exportId)) throw new Error(`Not an export id: ${exportId}`);
  return `${exportId}.${format}`;
}

/**
 * A `Content-Disposition: attachment` value (RFC 6266): an ASCII `filename` with anything
 * unsafe replaced, plus `filename*` (RFC 8187) when the name has non-ASCII characters.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const header = `attachment; filename="${ascii}"`;
  // eslint-disable-next-line no-control-regex -- any non-ASCII character needs filename*
  if (!/[^\x00-\x7f]/.test(fileName)) return header;
  return `${header}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
