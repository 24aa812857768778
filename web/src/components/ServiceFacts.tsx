/**
 * What the service says about itself (GET /status): version, database engine, planner and who
 * the caller acts as. Every fact is optional: the page passes what it has, and the section says
 * what is not reported.
 */
export interface ServiceFactsProps {
  version?: string;
  /** `sqlite` or `postgres`. */
  databaseEngine?: string;
  /** `reason`: offline, what to set to plan with an LLM. */
  planner?: { mode: 'llm' | 'offline'; model?: string | null; reason?: string | null };
  /** The caller's API key label, `anonymous` without API_KEYS. */
  actor?: string;
  /** Whether API_KEYS is set. */
  apiKeys?: boolean;
}

const ENGINES: Readonly<Record<string, string>> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export function ServiceFacts({
  version,
  databaseEngine,
  planner,
  actor,
  apiKeys,
}: ServiceFactsProps) {
  const none = version === undefined && databaseEngine === undefined && planner === undefined;
  if (none) {
    return (
      <p className="muted">
        This service does not report its version, database engine or planner yet.
      </p>
    );
  }
  return (
    <dl className="facts" data-testid="service-facts">
      <dt>Version</dt>
      <dd>{version ?? '—'}</dd>
      <dt>Database</dt>
      <dd>
        {databaseEngine ? (
          <>
            {ENGINES[databaseEngine] ?? databaseEngine} (<code>{databaseEngine}</code>)
          </>
        ) : (
          '—'
        )}
      </dd>
      <dt>Planner</dt>
      <dd>
        {planner ? (
          planner.mode === 'llm' ? (
            <>
              LLM (<code>llm</code>){planner.model ? `, model ${planner.model}` : ''}
            </>
          ) : (
            <>
              Offline, by rules (<code>offline</code>)
              {planner.reason ? <span className="seq-reason"> {planner.reason}</span> : null}
            </>
          )
        ) : (
          '—'
        )}
      </dd>
      {actor !== undefined && (
        <>
          <dt>You act as</dt>
          <dd>
            {actor}
            {apiKeys === false ? ' (API_KEYS is not set: every caller is anonymous)' : ''}
          </dd>
        </>
      )}
    </dl>
  );
}
