import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ProsDropZone } from '../components/ProsDropZone';
import { ProsImportResult } from '../components/ProsImportResult';
import { ProsMapping, ProsPreviewRows } from '../components/ProsMapping';
import { formatNumber } from '../lib/format';
import {
  importStatus,
  newImportId,
  previewImport,
  uploadImport,
  type ImportResult,
  type ImportStatus,
} from '../lib/pros-import-api';
import { formatBytes, percent, readHeader } from '../lib/pros-import-csv';

type Upload =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number; importId?: string }
  | { phase: 'done'; result: ImportResult }
  | { phase: 'failed'; error: unknown };

/** The file's header (read here) and the service's preview, when it has one. */
function usePreview(file: File | null) {
  return useQuery({
    queryKey: ['import-preview', file?.name, file?.size, file?.lastModified],
    enabled: file !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const columns = readHeader(await file!.slice(0, 64 * 1024).text());
      return { columns, preview: await previewImport(file!) };
    },
  });
}

/** Import prospects: choose or drop a CSV, check the mapping, upload with progress, read the report. */
export function ImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  const preview = usePreview(file);
  const uploading = upload.phase === 'uploading';
  const importId = uploading ? upload.importId : undefined;

  const progress = useQuery({
    queryKey: ['import-status', importId],
    enabled: importId !== undefined,
    queryFn: () => importStatus(importId!),
    refetchInterval: 1_000,
    retry: false,
  });
  useEffect(() => () => abort.current?.(), []);

  const choose = (next: File) => {
    setFile(next);
    setUpload({ phase: 'idle' });
  };
  const start = () => {
    if (!file) return;
    // Only a service with the preview records imports (an older one refuses `import_id`).
    const id = preview.data?.preview ? newImportId() : undefined;
    setUpload({ phase: 'uploading', loaded: 0, total: file.size, importId: id });
    const call = uploadImport(file, {
      importId: id,
      onProgress: (loaded, total) =>
        setUpload((u) => (u.phase === 'uploading' ? { ...u, loaded, total } : u)),
    });
    abort.current = call.abort;
    call.done.then(
      (result) => {
        setUpload({ phase: 'done', result });
        void queryClient.invalidateQueries({ queryKey: ['prospects'] });
      },
      (error: unknown) => setUpload({ phase: 'failed', error }),
    );
  };

  return (
    <section className="pros-import">
      <p className="small">
        <Link to="/prospects">← Prospects</Link>
      </p>
      <h1>Import prospects</h1>
      <p className="muted">
        A CSV with a header row: exports of LinkedIn Sales Navigator, Apollo and HubSpot are
        recognised, and plain columns (name, email, title, company, website, country…). Duplicates
        merge into the prospect already stored.
      </p>
      <ProsDropZone onFile={choose} disabled={uploading} />
      {file && (
        <section aria-labelledby="pros-check">
          <h2 id="pros-check">
            {file.name} <span className="muted small">({formatBytes(file.size)})</span>
          </h2>
          {upload.phase === 'done' ? null : preview.isPending ? (
            <Loading what="Reading the columns" />
          ) : preview.error ? (
            <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <>
              <h3>Columns</h3>
              <ProsMapping
                columns={preview.data.preview?.columns ?? preview.data.columns}
                mapping={preview.data.preview?.mapping}
              />
              {preview.data.preview ? (
                <>
                  <h3>First rows</h3>
                  <ProsPreviewRows rows={preview.data.preview.rows} />
                </>
              ) : (
                <p className="muted small">
                  A preview of the rows is not available on this service: the columns are matched to
                  fields when the file is imported, and the report below says how.
                </p>
              )}
            </>
          )}
          {upload.phase !== 'done' && (
            <div className="actions">
              <button
                type="button"
                className="button-primary"
                disabled={uploading || preview.isPending || preview.data?.columns.length === 0}
                onClick={start}
              >
                Import {file.name}
              </button>
              {uploading && (
                <button type="button" onClick={() => abort.current?.()}>
                  Stop the upload
                </button>
              )}
            </div>
          )}
        </section>
      )}
      {uploading && <UploadProgress upload={upload} status={progress.data ?? null} />}
      {upload.phase === 'failed' && <ErrorNotice error={upload.error} />}
      {upload.phase === 'done' && <ProsImportResult result={upload.result} />}
    </section>
  );
}

function UploadProgress({
  upload,
  status,
}: {
  upload: { loaded: number; total: number };
  status: ImportStatus | null;
}) {
  const done = percent(upload.loaded, upload.total);
  return (
    <section aria-labelledby="pros-progress" className="card">
      <h2 id="pros-progress">Importing</h2>
      <progress id="pros-progress-bar" max={100} value={done} aria-labelledby="pros-progress" />
      <p role="status" aria-live="polite">
        {done < 100
          ? `${done}% sent: ${formatBytes(upload.loaded)} of ${formatBytes(upload.total)}`
          : 'Sent; storing the last rows…'}
        {status &&
          ` · ${formatNumber(status.rows_read)} rows read, ${formatNumber(status.rows_written)} stored`}
      </p>
    </section>
  );
}
