import type { Schemas } from '../api/client';
import { formatDateTime, formatNumber } from '../lib/format';

/** The prospect's company and what research found about it. */
export function ProsCompany({ company }: { company: Schemas['CompanyDto'] | null }) {
  return (
    <section className="card" aria-labelledby="pros-company">
      <h2 id="pros-company">Company{company ? `: ${company.name}` : ''}</h2>
      {!company ? (
        <p className="muted">No company on record.</p>
      ) : (
        <>
          <dl className="facts">
            <dt>Industry</dt>
            <dd>{company.industry ?? '—'}</dd>
            <dt>Employees</dt>
            <dd>{formatNumber(company.employee_count)}</dd>
            <dt>Location</dt>
            <dd>{[company.city, company.country].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Website</dt>
            <dd>
              {company.website_url ? (
                <a href={company.website_url} rel="noreferrer noopener" target="_blank">
                  {company.domain ?? company.website_url}
                  <span className="pros-sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                (company.domain ?? '—')
              )}
            </dd>
          </dl>
          <h3>Research</h3>
          {company.summary ? (
            <>
              <p>{company.summary}</p>
              <p className="muted small">Summarized {formatDateTime(company.summarized_at)}</p>
            </>
          ) : (
            <p className="muted">Not researched yet.</p>
          )}
        </>
      )}
    </section>
  );
}
