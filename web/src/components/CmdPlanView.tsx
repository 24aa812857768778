import type { Schemas } from '../api/client';
import { formatDateTime, plural } from '../lib/format';
import { CmdAudience } from './CmdAudience';
import { CmdPlanSteps } from './CmdPlanSteps';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNotice } from './ErrorNotice';

type Preview = Schemas['PlanPreviewDto'];

export interface CmdPlanViewProps {
  preview: Preview;
  running: boolean;
  runError: unknown;
  onRun: () => void;
  onEdit: () => void;
  onRephrase: () => void;
  onPreviewAgain: () => void;
}

/** A previewed plan: what it does, on whom, what waits for approval; Run, Edit or Rephrase. */
export function CmdPlanView(props: CmdPlanViewProps) {
  const { preview } = props;
  const approvals = preview.steps.filter((step) => step.requires_approval).length;
  const outside = preview.steps.some((step) => step.side_effect);
  const ignored = preview.interpretation.not_understood;
  const runStatus = (props.runError as { status?: number } | null)?.status;
  return (
    <section aria-labelledby="cmd-plan-heading" className="cmd-plan">
      <h2 id="cmd-plan-heading">Plan: {preview.objective}</h2>
      <p className="muted small">
        {preview.planner === 'explicit'
          ? 'Edited plan'
          : `Planned by the ${preview.planner} planner`}
        ; it can run until {formatDateTime(preview.expires_at)}. Nothing has run yet.
      </p>
      {ignored.length > 0 && (
        <div className="notice notice-info">
          <strong>Not part of this plan:</strong>
          <ul>
            {ignored.map((phrase) => (
              <li key={phrase.words}>
                “{phrase.words}”: {phrase.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.audience ? (
        <CmdAudience audience={preview.audience} />
      ) : (
        <p>No step of this plan works on prospects.</p>
      )}
      <h3>Steps</h3>
      <CmdPlanSteps preview={preview} />
      <p>
        {approvals > 0
          ? `${plural(approvals, 'step')} will wait for your approval (on the job page and the Approvals page) before running.`
          : 'No step needs approval: the plan runs to the end by itself.'}
      </p>
      {props.runError != null && (
        <>
          <ErrorNotice error={props.runError} />
          {runStatus === 409 && (
            <button type="button" onClick={props.onPreviewAgain}>
              Preview again
            </button>
          )}
        </>
      )}
      <div className="actions">
        {outside ? (
          <ConfirmButton
            label={props.running ? 'Starting…' : 'Run'}
            confirmLabel="Run"
            disabled={props.running}
            question={`This plan acts outside Zigral (it sends or writes elsewhere). ${
              approvals > 0 ? 'Those steps wait for your approval first. ' : ''
            }Run it now?`}
            onConfirm={props.onRun}
          />
        ) : (
          <button
            type="button"
            className="button-primary"
            disabled={props.running}
            onClick={props.onRun}
          >
            {props.running ? 'Starting…' : 'Run'}
          </button>
        )}
        <button type="button" onClick={props.onEdit}>
          Edit values
        </button>
        <button type="button" onClick={props.onRephrase}>
          Rephrase
        </button>
      </div>
    </section>
  );
}
