import type { Schemas } from '../api/client';
import { useActionDescriptions } from '../hooks/cmd-use-action-descriptions';
import { shortDescription, stepPreviewWords } from '../lib/cmd-step-preview';
import { stepErrorNext } from '../lib/cmd-job-view';
import { formatDateTime, plural } from '../lib/format';
import { paramEntries, stepHeadline, stepNotes } from '../lib/plan-describe';
import { CmdApprovalState } from './CmdApprovalState';
import { StatusBadge } from './StatusBadge';

type Job = Schemas['JobDto'];

/** A job's steps: status, attempts, what each did, its error and what to do about it, approval. */
export function CmdJobSteps({ job }: { job: Job }) {
  const descriptions = useActionDescriptions();
  return (
    <ol className="cmd-steps">
      {job.steps.map((step) => {
        const params = paramEntries(step.params)
          .map((entry) => `${entry.label}: ${entry.value}`)
          .join('; ');
        const notes = stepNotes(step).filter((note) => !note.startsWith('Waits'));
        const about = shortDescription(descriptions.get(`${step.agent}.${step.action}`));
        const waiting = stepPreviewWords(
          step.status === 'waiting_approval' ? step.preview : undefined,
        );
        return (
          <li key={step.index} className="card" aria-label={`Step ${step.index + 1}`}>
            <p className="cmd-step-title">
              <StatusBadge status={step.status} /> {about ?? stepHeadline(step)}
            </p>
            {params && <p className="small">{params}</p>}
            {waiting.inputs.length > 0 && (
              <p>Once approved, it works on {waiting.inputs.join(', ')}.</p>
            )}
            {step.summary && <p>{step.summary}</p>}
            <p className="small muted">
              {step.attempts > 0 ? plural(step.attempts, 'attempt') : 'Not started'}
              {step.finished_at
                ? `; finished ${formatDateTime(step.finished_at)}`
                : step.started_at
                  ? `; started ${formatDateTime(step.started_at)}`
                  : ''}
            </p>
            {step.error && (
              <div className="notice notice-error">
                <p>
                  <strong>What went wrong:</strong> {step.error}
                </p>
                <p>
                  <strong>What to do:</strong> {stepErrorNext(step.error, job.status)}
                </p>
              </div>
            )}
            {(step.requires_approval || step.approval) && (
              <CmdApprovalState
                approval={step.approval}
                waiting={step.status === 'waiting_approval'}
                approvedBy={
                  step.decided_by ??
                  (job.approval?.step === step.index ? job.approval.by : undefined)
                }
                approvedAt={
                  step.decided_at ??
                  (job.approval?.step === step.index ? job.approval.at : undefined)
                }
              />
            )}
            {notes.map((note) => (
              <p key={note} className="small">
                {note}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
