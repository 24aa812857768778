import { useState, type FormEvent } from 'react';
import type { Schemas } from '../api/client';
import {
  fromDraft,
  paramFields,
  paramLabel,
  toDraft,
  type EditableStep,
  type ParamDraft,
} from '../lib/cmd-plan-edit';
import { stepHeadline } from '../lib/plan-describe';

type Preview = Schemas['PlanPreviewDto'];

export interface CmdPlanEditorProps {
  preview: Preview;
  pending: boolean;
  /** Previews the edited steps again (nothing runs). */
  onSubmit: (steps: EditableStep[]) => void;
  onCancel: () => void;
}

/**
 * A form per step for the plan's values (numbers, texts, yes/no, lists one item a line). The
 * edited plan is previewed again (checked and counted by the service) before it can run.
 */
export function CmdPlanEditor({ preview, pending, onSubmit, onCancel }: CmdPlanEditorProps) {
  const [drafts, setDrafts] = useState<ParamDraft[]>(() =>
    preview.steps.map((step) => toDraft(step.params)),
  );
  const [errors, setErrors] = useState<Record<string, string>[]>([]);

  const set = (index: number, key: string, value: string | boolean) =>
    setDrafts((all) => all.map((draft, i) => (i === index ? { ...draft, [key]: value } : draft)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const results = preview.steps.map((step, i) => fromDraft(step.params, drafts[i]));
    setErrors(results.map((result) => result.errors));
    if (results.some((result) => Object.keys(result.errors).length > 0)) return;
    onSubmit(
      preview.steps.map((step, i) => ({
        agent: step.agent,
        action: step.action,
        params: results[i].params,
      })),
    );
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="cmd-edit-heading">
      <h2 id="cmd-edit-heading">Edit the plan’s values</h2>
      <p className="muted">
        Change the values below, then preview the edited plan: Zigral checks it and counts its
        prospects again. Nothing runs until you press Run. To add a filter the plan does not have,
        rephrase the command instead.
      </p>
      {preview.steps.map((step, index) => {
        const fields = paramFields(step.params);
        return (
          <fieldset key={index} className="cmd-fieldset">
            <legend>
              Step {index + 1}: {stepHeadline(step)}
            </legend>
            {fields.length === 0 && <p className="muted">Nothing to change in this step.</p>}
            {fields.map(({ key, kind }) => {
              const id = `cmd-step-${index}-${key}`;
              const value = drafts[index]?.[key];
              const error = errors[index]?.[key];
              const describedBy = error
                ? `${id}-error`
                : kind === 'list'
                  ? `${id}-hint`
                  : undefined;
              if (kind === 'fixed') {
                return (
                  <p key={key} className="small">
                    <strong>{paramLabel(key)}</strong>: kept as planned (rephrase to change it)
                  </p>
                );
              }
              if (kind === 'boolean') {
                return (
                  <div key={key} className="field cmd-check">
                    <label>
                      <input
                        type="checkbox"
                        checked={value === true}
                        onChange={(event) => set(index, key, event.target.checked)}
                      />{' '}
                      {paramLabel(key)}
                    </label>
                  </div>
                );
              }
              return (
                <div key={key} className="field">
                  <label htmlFor={id}>{paramLabel(key)}</label>
                  {kind === 'list' ? (
                    <textarea
                      id={id}
                      rows={3}
                      value={String(value ?? '')}
                      aria-describedby={describedBy}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => set(index, key, event.target.value)}
                    />
                  ) : (
                    <input
                      id={id}
                      type={kind === 'number' ? 'number' : 'text'}
                      value={String(value ?? '')}
                      aria-describedby={describedBy}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => set(index, key, event.target.value)}
                    />
                  )}
                  {kind === 'list' && !error && (
                    <span id={`${id}-hint`} className="muted small">
                      One a line.
                    </span>
                  )}
                  {error && (
                    <span id={`${id}-error`} className="cmd-field-error">
                      {error}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? 'Previewing…' : 'Preview the edited plan'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel editing
        </button>
      </div>
    </form>
  );
}
