import type { Schemas } from '../api/client';
import { plural } from '../lib/format';

type Audience = Schemas['PlanAudienceDto'];

const EXCLUSIONS: ReadonlyArray<[keyof Audience['excluded'], string]> = [
  ['opted_out', 'opted out'],
  ['suppressed', 'suppressed address'],
  ['no_email', 'no email address'],
  ['sample', 'sample prospects left out'],
  ['beyond_limit', 'beyond the limit'],
  ['other', 'other reasons'],
  ['invalid_rows', 'CSV rows that would not import'],
];

const SOURCES: Record<Audience['source'], string> = {
  search: 'a search of your prospects',
  import: 'the CSV in the context',
  context: 'the list in the context',
};

/** Who a plan would work on: how many, who is left out and why, and the first ten. */
export function CmdAudience({ audience }: { audience: Audience }) {
  const left = EXCLUSIONS.filter(([key]) => audience.excluded[key] > 0);
  return (
    <div className="card">
      <h3>Who it works on</h3>
      <p>
        <strong>{plural(audience.count, 'prospect')}</strong> from {SOURCES[audience.source]}
        {audience.total_matching !== audience.count &&
          ` (${plural(audience.total_matching, 'match', 'matches')} in all)`}
        {audience.recipients !== null &&
          `; ${plural(audience.recipients, 'email')} would be drafted`}
        .
      </p>
      {audience.before_threshold && <p className="muted">{audience.before_threshold}.</p>}
      {left.length > 0 && (
        <p>
          Left out: {left.map(([key, words]) => `${audience.excluded[key]} ${words}`).join(', ')}.
        </p>
      )}
      {audience.first_10.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="cmd-caption">
              The first {Math.min(10, audience.first_10.length)}, in the order the run takes them
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Company</th>
                <th scope="col">Country</th>
              </tr>
            </thead>
            <tbody>
              {audience.first_10.map((person, index) => (
                <tr key={person.id ?? `${person.name}-${index}`}>
                  <td>
                    {person.name}
                    {person.is_sample && <span className="muted small"> (sample)</span>}
                  </td>
                  <td>{person.title ?? '—'}</td>
                  <td>{person.company ?? '—'}</td>
                  <td>{person.country ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
