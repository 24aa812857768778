import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatNumber } from '../lib/format';
import { nextSort, type ProsSort } from '../lib/pros-filters';
import { ProsFitScore } from './ProsFitScore';

export interface ProsTableProps {
  prospects: ReadonlyArray<Schemas['ProspectDto']>;
  sort: ProsSort;
  busy: boolean;
  onSort: (sort: ProsSort) => void;
}

function ariaSort(sort: ProsSort, column: 'name' | 'score') {
  if (column === 'name') return sort === 'name' ? 'ascending' : undefined;
  return sort === '-score' ? 'descending' : sort === 'score' ? 'ascending' : undefined;
}

/** One page of prospects; names link to the prospect; Name and Fit score sort. */
export function ProsTable({ prospects, sort, busy, onSort }: ProsTableProps) {
  return (
    <div className="table-wrap">
      <table aria-busy={busy} aria-describedby="pros-count">
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort(sort, 'name')}>
              <button type="button" className="sort" onClick={() => onSort(nextSort(sort, 'name'))}>
                Name{sort === 'name' ? ' ▲' : ''}
              </button>
            </th>
            <th scope="col">Title</th>
            <th scope="col">Company</th>
            <th scope="col">Location</th>
            <th scope="col" aria-sort={ariaSort(sort, 'score')}>
              <button
                type="button"
                className="sort"
                onClick={() => onSort(nextSort(sort, 'score'))}
              >
                Fit score{sort === '-score' ? ' ▼' : sort === 'score' ? ' ▲' : ''}
              </button>
            </th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {prospects.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/prospects/${p.id}`}>{p.name}</Link>
                {p.sample && <span className="badge badge-muted pros-tag">Sample</span>}
              </td>
              <td>{p.title ?? '—'}</td>
              <td>
                {p.company?.name ?? '—'}
                {p.company?.employee_count != null && (
                  <span className="muted small">
                    {' '}
                    · {formatNumber(p.company.employee_count)} employees
                  </span>
                )}
              </td>
              <td>{[p.city, p.country].filter(Boolean).join(', ') || '—'}</td>
              <td>
                <ProsFitScore fit={p.fit} />
              </td>
              <td>
                {p.opted_out ? (
                  <span className="badge badge-bad">Opted out</span>
                ) : (
                  (p.email ?? <span className="muted">No email</span>)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
