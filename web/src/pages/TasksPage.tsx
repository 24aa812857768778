import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { SeqFilterSelect } from '../components/SeqFilterSelect';
import { SeqProspectLink, SeqProspectName } from '../components/SeqProspect';
import { StatusBadge } from '../components/StatusBadge';
import {
  PAGE_SIZE,
  TASK_STATUSES,
  useSeqAction,
  useTasks,
  type TaskStatus,
} from '../hooks/seq-hooks';
import { formatDateTime, humanize } from '../lib/format';
import { taskKindLabel } from '../lib/seq-describe';
import { readListParams, withParam } from '../lib/seq-params';

/** Manual steps of sequences (calls, LinkedIn): open ones first by default; completing one lets its enrollment go on. */
export function TasksPage() {
  const [search, setSearch] = useSearchParams();
  const { skip } = readListParams(search, []);
  const raw = search.get('status');
  const status: TaskStatus | undefined =
    raw === 'all' ? undefined : (TASK_STATUSES.find((value) => value === raw) ?? 'open');
  const query = useTasks(skip, status);
  const complete = useSeqAction(
    (id: string) => unwrap(api.POST('/tasks/{id}/complete', { params: { path: { id } } })),
    [['tasks'], ['enrollment'], ['sequence']],
  );

  return (
    <section>
      <h1>Tasks</h1>
      <div className="row">
        <SeqFilterSelect
          label="Status"
          value={status ?? 'all'}
          options={[
            ...TASK_STATUSES.map((value) => ({ value, label: humanize(value) })),
            { value: 'all', label: 'All' },
          ]}
          onChange={(value) =>
            setSearch(withParam(search, 'status', value === 'open' ? '' : value))
          }
        />
      </div>
      <div role="status">
        {complete.isSuccess && complete.data && (
          <p className="notice notice-ok">
            Task done: <SeqProspectName id={complete.data.prospect_id} />
            ’s enrollment goes on.
          </p>
        )}
      </div>
      {complete.isError && <ErrorNotice error={complete.error} />}
      {query.isPending && <Loading what="Loading tasks" />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <p className="muted">
          {status === 'open'
            ? 'No open task: nothing to do by hand right now.'
            : 'No task matches this filter.'}
        </p>
      )}
      {query.data && query.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="seq-table">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Prospect</th>
                  <th scope="col">Action</th>
                  <th scope="col">Due since</th>
                  <th scope="col">Status</th>
                  <th scope="col">Enrollment</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((task) => (
                  <tr key={task.id}>
                    <td>
                      <strong>{taskKindLabel(task.kind)}</strong>: {task.instructions}
                    </td>
                    <td>
                      <SeqProspectLink id={task.prospect_id} />
                    </td>
                    <td>
                      {task.status === 'open' ? (
                        <ConfirmButton
                          label="Mark done"
                          question={`Mark this ${taskKindLabel(task.kind).toLowerCase()} task done? The prospect's sequence goes on to its next step.`}
                          disabled={complete.isPending}
                          onConfirm={() => complete.mutate(task.id)}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatDateTime(task.created_at)}</td>
                    <td>
                      <StatusBadge status={task.status} />
                      {task.completed_at && (
                        <span className="small muted"> {formatDateTime(task.completed_at)}</span>
                      )}
                    </td>
                    <td>
                      <Link to={`/enrollments/${task.enrollment_id}`}>Timeline</Link>
                    </td>
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
