import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { ENROLLMENT_STATUSES, PAGE_SIZE, useEnrollments } from '../hooks/seq-hooks';
import { formatDateTime, humanize } from '../lib/format';
import {
  describeExitReason,
  describeStep,
  summarizeTimeline,
  type SeqStep,
} from '../lib/seq-describe';
import { readListParams, withParam } from '../lib/seq-params';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { Pager } from './Pager';
import { SeqFilterSelect } from './SeqFilterSelect';
import { SeqProspectName } from './SeqProspect';
import { StatusBadge } from './StatusBadge';

export interface SeqEnrollmentsProps {
  sequenceId: string;
  steps: ReadonlyArray<Schemas['SequenceDetailDto']['steps'][number]>;
}

/** A sequence's enrollments, a page at a time, filtered by status (kept in the address). */
export function SeqEnrollments({ sequenceId, steps }: SeqEnrollmentsProps) {
  const [search, setSearch] = useSearchParams();
  const { skip, status } = readListParams(search, ENROLLMENT_STATUSES);
  const query = useEnrollments(sequenceId, skip, status);
  const stepLabel = (index: number) => {
    const step = steps[index];
    return step ? `${index + 1}. ${describeStep(step as SeqStep)}` : `${index + 1}`;
  };
  return (
    <>
      <div className="row">
        <SeqFilterSelect
          label="Enrollment status"
          value={status ?? ''}
          anyLabel="All statuses"
          options={ENROLLMENT_STATUSES.map((value) => ({ value, label: humanize(value) }))}
          onChange={(value) => setSearch(withParam(search, 'status', value))}
        />
      </div>
      {query.isPending && <Loading what="Loading enrollments" />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <p className="muted">
          {status
            ? `No enrollment is ${humanize(status).toLowerCase()}.`
            : 'No prospect is enrolled yet.'}
        </p>
      )}
      {query.data && query.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="seq-table">
              <thead>
                <tr>
                  <th scope="col">Prospect</th>
                  <th scope="col">Status</th>
                  <th scope="col">Step</th>
                  <th scope="col">Emails sent</th>
                  <th scope="col">Next due</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((enrollment) => (
                  <tr key={enrollment.id}>
                    <td>
                      <Link to={`/enrollments/${enrollment.id}`}>
                        <SeqProspectName id={enrollment.prospect_id} />
                      </Link>
                    </td>
                    <td>
                      <StatusBadge status={enrollment.status} />
                    </td>
                    <td>{stepLabel(enrollment.step_index)}</td>
                    <td>{summarizeTimeline(enrollment.timeline).sent}</td>
                    <td>
                      {enrollment.next_due_at
                        ? formatDateTime(enrollment.next_due_at)
                        : enrollment.launched_at
                          ? '—'
                          : 'Not launched yet'}
                    </td>
                    <td>
                      {enrollment.exited_at
                        ? `${formatDateTime(enrollment.exited_at)}: ${describeExitReason(enrollment.exit_reason)}`
                        : '—'}
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
    </>
  );
}
