import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SeqAvailability } from '../components/SeqAvailability';
import { ServiceFacts } from '../components/ServiceFacts';
import { useAgents, useHealth, useServiceStatus } from '../hooks/seq-hooks';
import { actionRows, capabilities, featureCapabilities, healthRows } from '../lib/seq-status';

/** What this installation can do (and why not), and how the service is doing. */
export function StatusPage() {
  const status = useServiceStatus();
  const agents = useAgents();
  const health = useHealth();
  const rows = agents.data ? actionRows(agents.data) : [];
  // The features of GET /status; the capabilities read from GET /agents until it answers.
  const features = status.data
    ? featureCapabilities(status.data.features)
    : agents.data
      ? capabilities(rows)
      : undefined;
  const checks = health.data ? healthRows(health.data.details) : [];
  return (
    <section>
      <h1>Status</h1>

      <h2>Service</h2>
      {status.isPending && <Loading what="Loading the service's facts" />}
      {status.isError && <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <ServiceFacts
          version={status.data.version}
          databaseEngine={status.data.database.engine}
          planner={status.data.planner}
          actor={status.data.auth.actor}
          apiKeys={status.data.auth.api_keys}
        />
      )}

      <h2>What this installation can do</h2>
      {!features && (status.isPending || agents.isPending) && (
        <Loading what="Loading what this installation can do" />
      )}
      {agents.isError && <ErrorNotice error={agents.error} onRetry={() => void agents.refetch()} />}
      {features && (
        <ul className="seq-capabilities">
          {features.map((capability) => (
            <li key={capability.label} data-testid="capability">
              <strong>{capability.label}</strong>{' '}
              <SeqAvailability available={capability.available} />
              {capability.reason && <span className="seq-reason"> {capability.reason}</span>}
            </li>
          ))}
        </ul>
      )}

      <h2>Health</h2>
      {health.isPending && <Loading what="Checking the service" />}
      {health.isError && <ErrorNotice error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <>
          <p className={`notice ${health.data.ready ? 'notice-ok' : 'notice-error'}`}>
            {health.data.ready
              ? 'Ready: every check is up.'
              : `Not ready. ${health.data.message ?? ''}`}
          </p>
          <div className="table-wrap">
            <table className="seq-table">
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Up</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((check) => (
                  <tr key={check.name}>
                    <th scope="row">{check.name}</th>
                    <td>
                      <span className={`badge ${check.up ? 'badge-good' : 'badge-bad'}`}>
                        {check.up ? 'Up' : 'Down'}
                      </span>
                    </td>
                    <td>{check.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Agents and actions</h2>
      {agents.data && (
        <div className="table-wrap">
          <table className="seq-table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">What it does</th>
                <th scope="col">Available</th>
                <th scope="col">Why not</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <code>{row.key}</code>
                  </th>
                  <td>{row.description}</td>
                  <td>
                    <SeqAvailability available={row.available} />
                  </td>
                  <td>{row.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
