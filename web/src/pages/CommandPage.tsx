import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { CmdPlanEditor } from '../components/CmdPlanEditor';
import { CmdPlanView } from '../components/CmdPlanView';
import { CmdRecentJobs } from '../components/CmdRecentJobs';
import { CmdRefusal } from '../components/CmdRefusal';
import { ErrorNotice } from '../components/ErrorNotice';
import { commandContext, editedPlanBody, type EditableStep } from '../lib/cmd-plan-edit';
import { describeRefusal } from '../lib/cmd-refusal';

type Preview = Schemas['PlanPreviewDto'];

type Answer = Preview | Schemas['LlmRateLimitedResponseDto'] | Schemas['JobPlanResponseDto'];

/** The preview a `run: false` request answers (a provider's rate limit is an error here). */
function asPreview(data: Answer): Preview {
  if ('plan_id' in data) return data;
  if ('job_id' in data) throw new Error('The service started a job instead of previewing it');
  throw new ApiError(429, {
    message: `The planner's provider refused for now: ${data.error}`,
    error: data.error_type,
  });
}

/** The home page: a command in plain words, its plan previewed, then run or edited. */
export function CommandPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const input = useRef<HTMLTextAreaElement>(null);
  const [command, setCommand] = useState('');
  const [sender, setSender] = useState('');
  const [offer, setOffer] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [editing, setEditing] = useState(false);
  const context = commandContext({ sender, offer });

  const plan = useMutation({
    mutationFn: async (request: { allowPartial: boolean } | { steps: EditableStep[] }) => {
      if ('steps' in request) {
        const body = editedPlanBody({
          objective: preview?.objective ?? command,
          jobType: preview?.job_type ?? 'prospecting',
          steps: request.steps,
          context,
        });
        return asPreview(await unwrap(api.POST('/jobs', { body })));
      }
      const body = { command, context, run: false, allow_partial: request.allowPartial };
      return asPreview(await unwrap(api.POST('/command', { body })));
    },
    onSuccess: (data) => {
      setPreview(data);
      setEditing(false);
    },
  });

  const run = useMutation({
    mutationFn: (planId: string) =>
      unwrap(api.POST('/plans/{plan_id}/run', { params: { path: { plan_id: planId } } })),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      void navigate(`/jobs/${job.job_id}`);
    },
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!command.trim() || plan.isPending) return;
    run.reset();
    plan.mutate({ allowPartial: false });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  const rephrase = () => {
    setPreview(undefined);
    setEditing(false);
    plan.reset();
    run.reset();
    input.current?.focus();
  };

  const refusal = plan.isError ? describeRefusal(plan.error) : undefined;
  return (
    <>
      <section aria-labelledby="cmd-heading">
        <h1 id="cmd-heading">Command</h1>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="cmd-text">What should Zigral do?</label>
            <textarea
              id="cmd-text"
              ref={input}
              rows={3}
              value={command}
              placeholder="Find VPs of Sales in Germany and draft intro emails"
              aria-describedby="cmd-text-hint"
              onChange={(event) => setCommand(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <span id="cmd-text-hint" className="muted small">
              Say whom to find and what to do. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+
              <kbd>Enter</kbd> on a Mac) previews the plan; nothing runs yet.
            </span>
          </div>
          <details className="cmd-context">
            <summary>Context (optional): who signs the emails, and what you offer</summary>
            <div className="row">
              <div className="field">
                <label htmlFor="cmd-sender">Sender</label>
                <input
                  id="cmd-sender"
                  value={sender}
                  placeholder="Ana from Acme"
                  onChange={(event) => setSender(event.target.value)}
                />
              </div>
              <div className="field cmd-grow">
                <label htmlFor="cmd-offer">Offer</label>
                <input
                  id="cmd-offer"
                  value={offer}
                  placeholder="A 14-day pilot of our forecasting tool"
                  onChange={(event) => setOffer(event.target.value)}
                />
              </div>
            </div>
          </details>
          <div className="actions">
            <button
              type="submit"
              className="button-primary"
              disabled={!command.trim() || plan.isPending}
            >
              {plan.isPending ? 'Planning…' : 'Preview plan'}
            </button>
          </div>
        </form>
        {refusal && !editing && (
          <CmdRefusal
            refusal={refusal}
            onRephrase={rephrase}
            onIgnorePhrases={() => plan.mutate({ allowPartial: true })}
          />
        )}
        {plan.isError && !refusal && !editing && <ErrorNotice error={plan.error} />}
      </section>
      {preview && !editing && (
        <CmdPlanView
          preview={preview}
          running={run.isPending}
          runError={run.error}
          onRun={() => run.mutate(preview.plan_id)}
          onEdit={() => setEditing(true)}
          onRephrase={rephrase}
          onPreviewAgain={() =>
            preview.planner === 'explicit' ? plan.mutate({ steps: preview.steps }) : submit()
          }
        />
      )}
      {preview && editing && (
        <section aria-label="Edit the plan">
          <CmdPlanEditor
            preview={preview}
            pending={plan.isPending}
            onSubmit={(steps) => plan.mutate({ steps })}
            onCancel={() => setEditing(false)}
          />
          {plan.isError && <ErrorNotice error={plan.error} />}
        </section>
      )}
      <CmdRecentJobs />
    </>
  );
}
