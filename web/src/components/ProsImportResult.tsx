import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatNumber, plural } from '../lib/format';
import type { ImportResult } from '../lib/pros-import-api';
import { ProsMapping } from './ProsMapping';

/** Rows of the error report shown (the service sends the first 1,000). */
const SHOWN_ERRORS = 200;

/** What an import did: counts, the mapping used, and the per-row report. */
export function ProsImportResult({ result }: { result: ImportResult }) {
  const shown = result.errors.slice(0, SHOWN_ERRORS);
  // The report replaces the progress: keyboard and screen reader users land on it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="pros-result">
      <h2 id="pros-result" ref={heading} tabIndex={-1}>
        Import finished
      </h2>
      <div className="notice notice-ok" role="status">
        {plural(result.rows, 'row')} read: {formatNumber(result.inserted)} new,{' '}
        {formatNumber(result.updated)} merged, {formatNumber(result.skipped)} skipped,{' '}
        {plural(result.warnings, 'warning')}.
      </div>
      <p>
        <Link to="/prospects">See the prospects</Link>
      </p>
      <h3>Columns used</h3>
      <ProsMapping columns={Object.keys(result.mapping)} mapping={result.mapping} />
      {result.unmapped_columns.length > 0 && (
        <p className="muted">Not imported: {result.unmapped_columns.join(', ')}.</p>
      )}
      <h3>Problems by row</h3>
      {result.errors.length === 0 ? (
        <p>No problem: every row was imported as it is.</p>
      ) : (
        <>
          {(result.errors_truncated || result.errors.length > shown.length) && (
            <p className="muted">
              The first {formatNumber(shown.length)} problems
              {result.errors_truncated ? ' (the service lists at most 1,000)' : ''}.
            </p>
          )}
          <div className="table-wrap">
            <table className="pros-errors">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e, index) => (
                  <tr key={`${e.row}-${e.field}-${index}`}>
                    <td>{e.row}</td>
                    <td>{e.field || '—'}</td>
                    <td>
                      {e.severity === 'error' ? (
                        <span className="badge badge-bad">Skipped row</span>
                      ) : (
                        <span className="badge badge-warn">Warning</span>
                      )}
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
