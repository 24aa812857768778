import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { SuppressionImport } from '../components/ApprSuppressionImport';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { expectOk, statusOf } from '../hooks/appr-api';
import { formatDateTime, humanize } from '../lib/format';

const PAGE = 20;

/** Addresses and domains Zigral never emails: list, add one, remove, import many. */
export function SuppressionsPage() {
  const queryClient = useQueryClient();
  const [skip, setSkip] = useState(0);
  const [value, setValue] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['suppressions', skip],
    queryFn: () => unwrap(api.GET('/suppressions', { params: { query: { skip, limit: PAGE } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['suppressions'] });
  const add = useMutation({
    mutationFn: (input: string) => unwrap(api.POST('/suppressions', { body: { value: input } })),
    onSuccess: (added) => {
      setDone(`Added ${added.value} (${added.kind}).`);
      setValue('');
      refresh();
    },
    onMutate: () => {
      setDone(null);
      remove.reset();
    },
  });
  const remove = useMutation({
    mutationFn: (input: string) =>
      expectOk(api.DELETE('/suppressions/{value}', { params: { path: { value: input } } })),
    onSuccess: (_ok, input) => {
      setDone(`Removed ${input}: it can be emailed again.`);
      refresh();
    },
    onMutate: () => {
      setDone(null);
      add.reset();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) add.mutate(value.trim());
  };
  return (
    <section>
      <h1>Suppressions</h1>
      <p className="muted">
        Zigral never emails an address on this list, nor anyone at a listed domain (subdomains
        included). Recipients who unsubscribe are added here by themselves.
      </p>
      <form className="row" onSubmit={submit}>
        <div className="field">
          <label htmlFor="suppression-value">Email address or domain</label>
          <input
            id="suppression-value"
            value={value}
            placeholder="name@example.com or example.com"
            onChange={(event) => setValue(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <button type="submit" className="button-primary" disabled={add.isPending}>
            Add to the list
          </button>
        </div>
      </form>
      {add.error && statusOf(add.error) === 409 ? (
        <p className="notice notice-info" role="status">
          {add.variables} is already on the list: nothing to add.
        </p>
      ) : add.error ? (
        <ErrorNotice error={add.error} />
      ) : null}
      {remove.error && <ErrorNotice error={remove.error} />}
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <h2>On the list</h2>
      {list.isPending && <Loading what="Loading the list" />}
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p className="muted">The list is empty.</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Suppressed addresses and domains</caption>
              <thead>
                <tr>
                  <th scope="col">Address or domain</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Added by</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <tr key={entry.value}>
                    <th scope="row">{entry.value}</th>
                    <td>{humanize(entry.kind)}</td>
                    <td>{sourceLabel(entry.source)}</td>
                    <td>{formatDateTime(entry.created_at)}</td>
                    <td>
                      <ConfirmButton
                        label={`Remove ${entry.value}`}
                        tone="danger"
                        question={`Remove ${entry.value} from the list? Zigral may then email it again.`}
                        confirmLabel="Remove"
                        disabled={remove.isPending}
                        onConfirm={() => remove.mutate(entry.value)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            limit={PAGE}
            shown={list.data.items.length}
            total={list.data.total}
            onChange={setSkip}
          />
        </>
      )}
      <SuppressionImport onDone={refresh} />
    </section>
  );
}

/** Who put a value on the list, in words. */
function sourceLabel(source: string): string {
  if (source === 'unsubscribe') return 'Recipient (unsubscribed)';
  if (source === 'api') return 'Your team';
  return humanize(source);
}
