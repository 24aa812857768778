import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { SeqFilterSelect } from '../components/SeqFilterSelect';
import { StatusBadge } from '../components/StatusBadge';
import { PAGE_SIZE, SEQUENCE_STATUSES, useSequences } from '../hooks/seq-hooks';
import { formatDateTime, humanize, plural } from '../lib/format';
import { readListParams, withParam } from '../lib/seq-params';

/** The sequences, newest first, a page at a time. */
export function SequencesPage() {
  const [search, setSearch] = useSearchParams();
  const { skip, status } = readListParams(search, SEQUENCE_STATUSES);
  const query = useSequences(skip, status);
  return (
    <section>
      <h1>Sequences</h1>
      <div className="row">
        <SeqFilterSelect
          label="Status"
          value={status ?? ''}
          anyLabel="All statuses"
          options={SEQUENCE_STATUSES.map((value) => ({ value, label: humanize(value) }))}
          onChange={(value) => setSearch(withParam(search, 'status', value))}
        />
      </div>
      {query.isPending && <Loading what="Loading sequences" />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <p className="muted">
          {status
            ? `No sequence is ${status}.`
            : 'No sequence yet. Ask for one in the command box, or define it through the API (POST /sequences).'}
        </p>
      )}
      {query.data && query.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="seq-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Steps</th>
                  <th scope="col">Launched</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((sequence) => (
                  <tr key={sequence.id}>
                    <td>
                      <Link to={`/sequences/${sequence.id}`}>{sequence.name}</Link>
                    </td>
                    <td>
                      <StatusBadge status={sequence.status} />
                    </td>
                    <td>{plural(sequence.steps.length, 'step')}</td>
                    <td>{sequence.launch_job_id ? 'Yes' : 'Not yet'}</td>
                    <td>{formatDateTime(sequence.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            limit={PAGE_SIZE}
            shown={query.data.items.length}
            total={query.data.total}
            onChange={(next) => setSearch(withParam(search, 'skip', next))}
          />
        </>
      )}
    </section>
  );
}
