/**
 * What the service says about itself (GET /status, being added): version, database engine and
 * planner. Every fact is optional: the page passes what it has, and the section says what is
 * not reported yet.
 */
export interface ServiceFactsProps {
  version?: string;
  /** e.g. "SQLite", "PostgreSQL 16". */
  databaseEngine?: string;
  planner?: { mode: 'llm' | 'offline'; model?: string | null };
}

export function ServiceFacts({ version, databaseEngine, planner }: ServiceFactsProps) {
  const none = version === undefined && databaseEngine === undefined && planner === undefined;
  if (none) {
    return (
      <p className="muted">
        This service does not report its version, database engine or planner yet.
      </p>
    );
  }
  return (
    <dl className="facts">
      <dt>Version</dt>
      <dd>{version ?? '—'}</dd>
      <dt>Database</dt>
      <dd>{databaseEngine ?? '—'}</dd>
      <dt>Planner</dt>
      <dd>
        {planner
          ? planner.mode === 'llm'
            ? `LLM${planner.model ? ` (${planner.model})` : ''}`
            : 'Offline (rules, no LLM)'
          : '—'}
      </dd>
    </dl>
  );
}
