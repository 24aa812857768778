import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, downloadFile, unwrap, type Schemas } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatNumber } from '../lib/format';

const PAGE = 20;
type Export = Schemas['ExportDto'];
type ExportFile = Schemas['ExportFileDto'];

/** Spreadsheets the jobs wrote, newest first, each downloadable in every format it has. */
export function ExportsPage() {
  const [skip, setSkip] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useQuery({
    queryKey: ['exports', skip],
    queryFn: () => unwrap(api.GET('/exports', { params: { query: { skip, limit: PAGE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <h1>Exports</h1>
      <p className="muted">
        Downloads go through this page with your key in a header: a file link is not shareable.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {list.isPending && <Loading what="Loading the exports" />}
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p className="notice notice-info">No exports yet: ask for a spreadsheet in a command.</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Exports</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Job</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Status</th>
                  <th scope="col">Download</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{formatDateTime(item.created_at)}</th>
                    <td>
                      <Link to={`/jobs/${item.job_id}`}>Job {item.job_id.slice(0, 8)}</Link>
                    </td>
                    <td>{formatNumber(item.rows)}</td>
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td>
                      <Files item={item} onError={setFailure} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            limit={PAGE}
            shown={list.data.items.length}
            total={list.data.total}
            onChange={setSkip}
          />
        </>
      )}
    </section>
  );
}

function Files({ item, onError }: { item: Export; onError: (error: unknown) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (item.kind === 'google_sheets') {
    return <span>Google Sheet {item.spreadsheet_id ?? ''}</span>;
  }
  if (item.files_removed_at) {
    return <span className="muted">Files removed {formatDateTime(item.files_removed_at)}</span>;
  }
  if (item.files.length === 0) return <span className="muted">No file yet</span>;
  const download = async (file: ExportFile) => {
    setBusy(file.format);
    onError(null);
    try {
      await downloadFile(file.url, file.file_name);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="actions export-files">
      {item.files.map((file) => (
        <button
          key={file.format}
          type="button"
          disabled={busy !== null}
          title={`${file.file_name}, ${formatNumber(file.bytes)} bytes`}
          onClick={() => void download(file)}
        >
          <span className="visually-hidden">Download </span>
          {file.format.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
