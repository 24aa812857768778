import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { DecidedBy } from '../components/ApprDecidedBy';
import { JobApproval, waitingStep, type Decided } from '../components/ApprJob';
import { FollowUpReview } from '../components/ApprFollowUps';
import { ApprQueueTable } from '../components/ApprQueueTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { conflictInWords, decisionOf, type Decision } from '../lib/appr-decision';
import { moveSelection, queueCommand, SHORTCUT_LEGEND } from '../lib/appr-keys';
import { plural } from '../lib/format';

const PAGE = 20;

type Notice =
  | { kind: 'conflict'; text: string; decision?: Decision }
  | { kind: 'decided'; decided: Decided }
  | { kind: 'touch'; message: Schemas['OutboxMessageDto'] };

/** One queue of what waits for a human: jobs parked before a step that needs approval. */
export function ApprovalsPage() {
  const queryClient = useQueryClient();
  const [skip, setSkip] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const queue = useQuery({
    queryKey: ['jobs', 'waiting_approval', 'queue', skip],
    queryFn: () =>
      unwrap(
        api.GET('/jobs', { params: { query: { status: 'waiting_approval', skip, limit: PAGE } } }),
      ),
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
  const items = queue.data?.items ?? [];
  const selectedIndex = Math.max(
    0,
    items.findIndex((job) => job.job_id === selectedId),
  );
  const selected = items[selectedIndex];

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    void queryClient.invalidateQueries({ queryKey: ['outbox'] });
  }, [queryClient]);

  const select = useCallback(
    (index: number, focus: boolean) => {
      const job = items[index];
      if (!job) return;
      setSelectedId(job.job_id);
      if (focus) document.getElementById(`appr-item-${job.job_id}`)?.focus();
    },
    [items],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const command = queueCommand({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: event.target as HTMLElement | null,
      });
      if (!command || items.length === 0) return;
      event.preventDefault();
      const detail = document.getElementById('appr-detail');
      if (command === 'next' || command === 'previous') {
        select(moveSelection(selectedIndex, items.length, command), true);
      } else if (command === 'open') {
        detailHeading.current?.focus();
      } else if (command === 'edit') {
        detail?.querySelector<HTMLButtonElement>('button[data-edit]')?.click();
      } else {
        detail?.querySelector<HTMLButtonElement>(`[data-shortcut="${command}"] button`)?.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, selectedIndex, select]);

  const onConflict = (error: unknown) => {
    const body = error instanceof ApiError ? error.body : undefined;
    // Who decided first: the 409 `already_decided` details name the step, decision, by and at.
    const decision = decisionOf(body?.details);
    setNotice({ kind: 'conflict', text: conflictInWords(body?.message), decision });
    refresh();
  };
  const onDecided = (decided: Decided) => {
    setNotice({ kind: 'decided', decided });
    refresh();
  };

  return (
    <section className="approvals">
      <h1>Approvals</h1>
      <p className="muted">
        Everything waiting for a person: review what each job will do, edit or remove its emails,
        then approve or reject it.
      </p>
      <div className="shortcut-legend" id="appr-shortcuts">
        <strong>Keys:</strong>{' '}
        {SHORTCUT_LEGEND.map((entry) => (
          <span key={entry.what} className="shortcut">
            {entry.keys.map((key, i) => (
              <span key={key}>
                {i > 0 ? ' or ' : ''}
                <kbd>{key}</kbd>
              </span>
            ))}{' '}
            {entry.what}
          </span>
        ))}
      </div>
      <NoticeView notice={notice} onClose={() => setNotice(null)} />
      {queue.isPending && <Loading what="Loading the queue" />}
      {queue.error && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && items.length === 0 && (
        <p className="notice notice-info">No job is waiting for approval.</p>
      )}
      {items.length > 0 && (
        <>
          <h2>
            Waiting for you{' '}
            <span className="muted small">({plural(queue.data?.total ?? 0, 'job')})</span>
          </h2>
          <ApprQueueTable
            jobs={items}
            selectedId={selected?.job_id}
            onOpen={(id) => {
              setSelectedId(id);
              requestAnimationFrame(() => detailHeading.current?.focus());
            }}
            stepOf={waitingStep}
          />
          {(queue.data?.total ?? 0) > PAGE && (
            <Pager
              skip={skip}
              limit={PAGE}
              shown={items.length}
              total={queue.data?.total}
              onChange={setSkip}
            />
          )}
        </>
      )}
      <div id="appr-detail">
        {selected && (
          <JobApproval
            key={selected.job_id}
            job={selected}
            headingRef={detailHeading}
            onDecided={onDecided}
            onConflict={onConflict}
            onChanged={refresh}
          />
        )}
      </div>
      <FollowUpReview
        onChanged={refresh}
        onConflict={onConflict}
        onApproved={(message) => setNotice({ kind: 'touch', message })}
      />
    </section>
  );
}

const DECISION_VERBS: Record<string, string> = { approved: 'Approved', rejected: 'Rejected' };

function NoticeView({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  if (!notice) return null;
  if (notice.kind === 'conflict') {
    return (
      <div className="notice notice-error" role="alert">
        <strong>Someone else decided first</strong>
        <p>
          {notice.text}{' '}
          {notice.decision && (
            <DecidedBy
              by={notice.decision.by}
              at={notice.decision.at}
              verb={DECISION_VERBS[notice.decision.decision ?? ''] ?? 'Decided'}
            />
          )}
        </p>
        <p>The queue has been refreshed: check what is left.</p>
        <button type="button" onClick={onClose}>
          Dismiss
        </button>
      </div>
    );
  }
  if (notice.kind === 'touch') {
    const decision = decisionOf(notice.message);
    return (
      <div className="notice notice-ok" role="status">
        <strong>Approved the email to {notice.message.to}</strong>
        <p>
          It goes out in the recipient&apos;s next sending window.{' '}
          <DecidedBy by={decision?.by} at={decision?.at} />
        </p>
        <button type="button" onClick={onClose}>
          Dismiss
        </button>
      </div>
    );
  }
  const { verb, job, emails } = notice.decided;
  const decision = decisionOf(job);
  return (
    <div className="notice notice-ok" role="status">
      <strong>
        {verb}: {job.objective}
      </strong>
      <p>
        {verb === 'Approved'
          ? emails > 0
            ? `${plural(emails, 'email')} will be sent now.`
            : 'The job runs its next step now.'
          : 'The job is cancelled; nothing was sent.'}{' '}
        <DecidedBy by={decision?.by} at={decision?.at} verb={verb} />
      </p>
      <button type="button" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}
