import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';

export interface CmdApprovalStateProps {
  /** The step's `approval`: approved or rejected, once decided. */
  approval?: string;
  /** Whether the step waits for a decision now. */
  waiting: boolean;
  /** Who decided (the step's `decided_by`, an API key's label): shown when given. */
  approvedBy?: string | null;
  /** When (the step's `decided_at`): shown when given. */
  approvedAt?: string | null;
}

/** A step's approval in words: waiting (with where to decide), approved or rejected, by whom. */
export function CmdApprovalState({
  approval,
  waiting,
  approvedBy,
  approvedAt,
}: CmdApprovalStateProps) {
  if (waiting) {
    return (
      <p className="cmd-approval">
        <span className="badge badge-warn">Needs approval</span> Waits for your decision:{' '}
        <Link to="/approvals">review it on the Approvals page</Link>.
      </p>
    );
  }
  if (!approval) return null;
  const who = approvedBy ? ` by ${approvedBy}` : '';
  const when = approvedAt ? ` on ${formatDateTime(approvedAt)}` : '';
  return (
    <p className="cmd-approval">
      <span className={`badge ${approval === 'approved' ? 'badge-good' : 'badge-bad'}`}>
        {approval === 'approved' ? 'Approved' : 'Rejected'}
      </span>
      {who || when ? ` ${who}${when}`.trimEnd() : ''}
    </p>
  );
}
