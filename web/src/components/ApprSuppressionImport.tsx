import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import {
  importSuppressions,
  parseSuppressionList,
  type ChunkResult,
  type ImportProgress,
} from '../lib/appr-import';
import { describeError } from '../lib/errors';
import { formatNumber, plural } from '../lib/format';

/** One chunk through POST /suppressions/import. */
const importChunk = (values: string[]): Promise<ChunkResult> =>
  unwrap(api.POST('/suppressions/import', { body: { values } }));

const OUTCOME_WORDS: Record<string, string> = {
  already_present: 'already listed',
  invalid: 'refused',
};

/** Many addresses or domains at once, from a pasted list or a text/CSV file. */
export function SuppressionImport({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const values = parseSuppressionList(text);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (values.length === 0) return;
    abort.current = new AbortController();
    setRunning(true);
    try {
      await importSuppressions(values, importChunk, setProgress, {
        signal: abort.current.signal,
        describe: (error) => describeError(error).detail,
      });
    } finally {
      setRunning(false);
      onDone();
    }
  };
  return (
    <section aria-labelledby="suppression-import-heading">
      <h2 id="suppression-import-heading">Import many</h2>
      <form onSubmit={run}>
        <div className="field">
          <label htmlFor="suppression-import-text">
            Addresses or domains, one per line (or separated by commas)
          </label>
          <textarea
            id="suppression-import-text"
            value={text}
            rows={6}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="suppression-import-file">Or read them from a text or CSV file</label>
          <input
            id="suppression-import-file"
            type="file"
            accept=".txt,.csv,text/plain,text/csv"
            onChange={(event) => void onFile(event)}
          />
        </div>
        <div className="actions">
          <button
            type="submit"
            className="button-primary"
            disabled={running || values.length === 0}
          >
            Import {plural(values.length, 'entry', 'entries')}
          </button>
          {running && (
            <button type="button" onClick={() => abort.current?.abort()}>
              Stop
            </button>
          )}
        </div>
      </form>
      {progress && (
        <div className="card" role="status" aria-live="polite">
          <label htmlFor="suppression-import-progress">
            {running ? 'Importing' : 'Imported'}: {formatNumber(progress.done)} of{' '}
            {formatNumber(progress.total)}
          </label>
          <progress id="suppression-import-progress" max={progress.total} value={progress.done} />
          <p>
            {plural(progress.added, 'added', 'added')}, {formatNumber(progress.alreadyListed)}{' '}
            already listed, {formatNumber(progress.refused.length)} refused.
          </p>
          {progress.skipped.length > 0 && (
            <details open={progress.refused.length > 0}>
              <summary>Not added: {plural(progress.skipped.length, 'row')}</summary>
              <ul className="appr-import-rows">
                {progress.skipped.slice(0, 200).map((entry) => (
                  <li key={entry.row}>
                    Row {formatNumber(entry.row)}, <code>{entry.value}</code>:{' '}
                    {OUTCOME_WORDS[entry.outcome] ?? entry.outcome} ({entry.reason})
                  </li>
                ))}
              </ul>
              {progress.skipped.length > 200 && (
                <p className="muted">
                  And {formatNumber(progress.skipped.length - 200)} more not shown.
                </p>
              )}
            </details>
          )}
        </div>
      )}
    </section>
  );
}
