import { Fragment } from 'react';
import type { Schemas } from '../api/client';
import { stepReach } from '../lib/cmd-job-view';
import { paramEntries, stepHeadline, stepNotes } from '../lib/plan-describe';

type Preview = Schemas['PlanPreviewDto'];

/** A previewed plan's steps in words: what each does, with what, on how many, and approvals. */
export function CmdPlanSteps({ preview }: { preview: Preview }) {
  return (
    <ol className="cmd-steps">
      {preview.steps.map((step, index) => {
        const entries = paramEntries(step.params);
        const reach = stepReach(step, preview.audience);
        const notes = stepNotes(step);
        return (
          <li key={index} className="card">
            <p className="cmd-step-title">{stepHeadline(step)}</p>
            {reach && <p>Works on: {reach}</p>}
            {entries.length > 0 && (
              <dl className="facts">
                {entries.map((entry) => (
                  <Fragment key={entry.key}>
                    <dt>{entry.label}</dt>
                    <dd>{entry.value}</dd>
                  </Fragment>
                ))}
              </dl>
            )}
            {notes.length > 0 && (
              <ul className="cmd-notes">
                {notes.map((note) => (
                  <li key={note}>
                    <span className="badge badge-warn">Note</span> {note}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
