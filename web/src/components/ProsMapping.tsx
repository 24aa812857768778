import { humanize } from '../lib/format';
import type { ImportPreview } from '../lib/pros-import-api';

const FIELD_LABELS: Record<string, string> = {
  company_name: 'Company name',
  linkedin_url: 'LinkedIn URL',
  employees: 'Employees',
};

export function fieldLabel(field: string | null | undefined): string {
  if (!field) return 'Not imported';
  return FIELD_LABELS[field] ?? humanize(field);
}

/**
 * The file's columns and the field each fills. `mapping` undefined: the service has no preview,
 * so only the columns are known (it guesses the fields from the headers on import).
 */
export function ProsMapping({
  columns,
  mapping,
}: {
  columns: string[];
  mapping?: Record<string, string | null>;
}) {
  if (columns.length === 0) return <p>The file has no header row.</p>;
  return (
    <div className="table-wrap">
      <table className="pros-mapping">
        <caption className="pros-sr-only">Columns of the file and what each fills</caption>
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={`${index}-${column}`}>
              <td>{column || <span className="muted">(blank)</span>}</td>
              <td>
                {!mapping ? (
                  <span className="muted">Guessed from the header on import</span>
                ) : mapping[column] ? (
                  fieldLabel(mapping[column])
                ) : (
                  <span className="badge badge-muted">Not imported</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The preview's first rows as the import would store them. */
export function ProsPreviewRows({ rows }: { rows: ImportPreview['rows'] }) {
  if (rows.length === 0) return <p className="muted">No data row.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Company</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.prospect?.name ?? <span className="badge badge-bad">Skipped</span>}</td>
              <td>{r.prospect?.email ?? '—'}</td>
              <td>{r.prospect?.company?.name ?? '—'}</td>
              <td>{r.problems.map((p) => p.message).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
