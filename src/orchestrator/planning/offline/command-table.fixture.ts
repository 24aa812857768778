import type { NotUnderstoodKind } from '../interpretation';

// Commands as users write them, with what any planner (offline or LLM) must do with them: the
// constraints it must honour (in the search step unless `step` says otherwise), the values it
// must never write, the phrases it must refuse as not understood. Data only: each planner's spec
// runs the same table.

export interface CommandCase {
  command: string;
  /** Context keys present (e.g. ['sender'] so drafting validates). Default []. */
  context?: string[];
  /** Constraints the plan must honour: param of the search step (step index when given) and value as text, with the words they come from. */
  honours?: { param: string; value: string; words: string; step?: number }[];
  /** Params that must NOT appear with this value (e.g. countries: Germany for "not in Germany"). */
  never?: { param: string; value: string; step?: number }[];
  /** Phrases that must be refused as not understood (narrowing kinds), with the suggestion when one is expected. */
  refuses?: { words: string; kind: NotUnderstoodKind; suggestion?: string }[];
  /** Actions the plan must (not) contain, e.g. 'email.send'. */
  actions?: string[];
  withoutActions?: string[];
}

export const COMMAND_TABLE: CommandCase[] = [
  // Values (red-team)
  {
    command: 'Find CTOs at Series B startups in Germany',
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    never: [{ param: 'employees_max', value: '50' }],
    refuses: [{ words: 'Series B', kind: 'filter' }],
  },
  {
    command: 'Find 10 founders at AI startups in Berlin',
    honours: [
      { param: 'industries', value: 'Artificial Intelligence', words: 'AI' },
      { param: 'cities', value: 'Berlin', words: 'Berlin' },
      { param: 'limit', value: '10', words: 'Find 10' },
    ],
    never: [{ param: 'employees_max', value: '50' }],
  },
  {
    command: 'Find CTOs in Germany, skip anyone we contacted in the last month',
    honours: [
      {
        param: 'not_contacted_days',
        value: '30',
        words: 'skip anyone we contacted in the last month',
      },
    ],
    never: [{ param: 'never_emailed', value: 'true' }],
  },
  {
    command: 'Find CTOs in Germany not contacted in the last month',
    honours: [
      { param: 'not_contacted_days', value: '30', words: 'not contacted in the last month' },
    ],
    never: [{ param: 'never_emailed', value: 'true' }],
  },
  {
    command: 'Find CTOs in Germany that we have not emailed this year',
    never: [{ param: 'never_emailed', value: 'true' }],
    refuses: [{ words: 'not emailed this year', kind: 'filter' }],
  },
  {
    command: 'Find CMOs in the UK that we emailed last year',
    honours: [{ param: 'countries', value: 'United Kingdom', words: 'UK' }],
    refuses: [{ words: 'we emailed last year', kind: 'filter' }],
  },
  {
    command: 'Score VPs of Sales in Italy, keep only the top 10',
    never: [{ param: 'limit', value: '10' }],
    refuses: [{ words: 'keep only the top 10', kind: 'filter' }],
    actions: ['prospects.search', 'research.score_fit'],
  },
  {
    command: 'Find CFOs at Bank of America',
    honours: [{ param: 'companies', value: 'Bank of America', words: 'Bank of America' }],
    never: [
      { param: 'countries', value: 'United States' },
      { param: 'companies', value: 'Bank' },
    ],
  },
  {
    command: 'Find CFOs at Allianz SE and Munich Re',
    honours: [
      { param: 'companies', value: 'Allianz SE', words: 'Allianz SE' },
      { param: 'companies', value: 'Munich Re', words: 'Munich Re' },
    ],
    never: [
      { param: 'cities', value: 'Munich' },
      { param: 'companies', value: 'Re' },
    ],
  },
  {
    command: 'Find VPs of Sales who were at Salesforce before',
    never: [{ param: 'companies', value: 'Salesforce' }],
    refuses: [{ words: 'who were at Salesforce before', kind: 'filter' }],
  },
  {
    command: 'Find former Google employees in Berlin',
    honours: [{ param: 'cities', value: 'Berlin', words: 'Berlin' }],
    never: [{ param: 'companies', value: 'Google' }],
    refuses: [{ words: 'former Google employees', kind: 'filter' }],
  },
  {
    command: 'Find ex-McKinsey consultants in London',
    never: [{ param: 'companies', value: 'McKinsey' }],
    refuses: [{ words: 'ex-McKinsey', kind: 'filter' }],
  },
  {
    command: 'Find CTOs in Germany from LinkedIn Sales Navigator',
    never: [{ param: 'companies', value: 'LinkedIn Sales Navigator' }],
    refuses: [{ words: 'from LinkedIn Sales Navigator', kind: 'list' }],
  },
  {
    command: 'Find sales directors in the DACH region except Switzerland',
    honours: [
      { param: 'countries', value: 'Germany', words: 'DACH' },
      { param: 'countries', value: 'Austria', words: 'DACH' },
      { param: 'exclude_countries', value: 'Switzerland', words: 'except Switzerland' },
    ],
    never: [{ param: 'countries', value: 'Switzerland' }],
  },
  {
    command: 'Export CTOs with a score below 40',
    refuses: [{ words: 'score below 40', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs in Germany scored between 60 and 80',
    never: [{ param: 'min_score', value: '60' }],
    refuses: [{ words: 'scored between 60 and 80', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Export CTOs in France that score lower than 50',
    refuses: [{ words: 'score lower than 50', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs in Germany not scored yet',
    refuses: [{ words: 'not scored yet', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs with no score',
    refuses: [{ words: 'no score', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Score CTOs in Germany and drop anyone below 60',
    honours: [{ param: 'threshold', value: '60', words: 'drop anyone below 60', step: 1 }],
    actions: ['prospects.search', 'research.score_fit'],
  },
  {
    command: 'Find 50 marketing managers in Spain, one per company',
    honours: [{ param: 'limit', value: '50', words: 'Find 50' }],
    refuses: [{ words: 'one per company', kind: 'filter' }],
  },
  {
    command: 'Find VPs of Sales in France, max 3 per company',
    never: [{ param: 'limit', value: '3' }],
    refuses: [{ words: 'max 3 per company', kind: 'filter' }],
  },
  {
    command: 'Find CTOs in Germany, at most 2 per account',
    never: [{ param: 'limit', value: '2' }],
    refuses: [{ words: 'at most 2 per account', kind: 'filter' }],
  },
  {
    command: 'Find up to 5 people per company at fintechs in London',
    honours: [{ param: 'industries', value: 'Fintech', words: 'fintechs' }],
    never: [
      { param: 'employees_max', value: '5' },
      { param: 'limit', value: '5' },
    ],
    refuses: [{ words: 'up to 5 people per company', kind: 'filter' }],
  },
  {
    command: 'Find VPs of Sales in Germany excl. SAP',
    honours: [{ param: 'exclude_companies', value: 'SAP', words: 'excl. SAP' }],
    never: [{ param: 'companies', value: 'SAP' }],
  },
  {
    command: 'Find CTOs in Germany w/o Siemens',
    honours: [{ param: 'exclude_companies', value: 'Siemens', words: 'w/o Siemens' }],
    never: [{ param: 'companies', value: 'Siemens' }],
  },
  {
    command: 'Find CFOs in Italy, leave out Fiat',
    honours: [{ param: 'exclude_companies', value: 'Fiat', words: 'leave out Fiat' }],
  },
  {
    command: 'Find CMOs in France minus Danone',
    honours: [{ param: 'exclude_companies', value: 'Danone', words: 'minus Danone' }],
  },
  {
    command: 'Find CTOs in Germany, though not Bosch',
    honours: [{ param: 'exclude_companies', value: 'Bosch', words: 'though not Bosch' }],
    never: [{ param: 'companies', value: 'Bosch' }],
  },
  {
    command: 'Find HR directors in the UK excluding anyone at Google',
    honours: [{ param: 'exclude_companies', value: 'Google', words: 'excluding anyone at Google' }],
    never: [{ param: 'companies', value: 'Google' }],
  },
  {
    command: 'Find all VPs at IBM except in the US',
    honours: [
      { param: 'companies', value: 'IBM', words: 'IBM' },
      { param: 'exclude_countries', value: 'United States', words: 'except in the US' },
    ],
    never: [{ param: 'countries', value: 'United States' }],
  },
  {
    command: 'Find CTOs in Germany, skip the ones at Siemens',
    honours: [{ param: 'exclude_companies', value: 'Siemens', words: 'skip the ones at Siemens' }],
  },
  {
    command: 'Find CTOs in the US except for California',
    honours: [{ param: 'countries', value: 'United States', words: 'US' }],
    never: [{ param: 'exclude_companies', value: 'California' }],
    refuses: [{ words: 'California', kind: 'exclusion' }],
  },
  {
    command: 'Find HR managers in Canada but not in Quebec',
    never: [{ param: 'exclude_companies', value: 'Quebec' }],
    refuses: [{ words: 'Quebec', kind: 'exclusion' }],
  },
  {
    command: 'Find founders in Germany, no consultants',
    refuses: [{ words: 'no consultants', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in any country except Russia',
    honours: [{ param: 'exclude_countries', value: 'Russia', words: 'except Russia' }],
  },
  {
    command: 'Find CFOs anywhere but Germany',
    honours: [{ param: 'exclude_countries', value: 'Germany', words: 'anywhere but Germany' }],
    never: [{ param: 'countries', value: 'Germany' }],
  },
  {
    command: 'Find CTOs in Düsseldorf, Nürnberg and Marseille',
    honours: [
      { param: 'cities', value: 'Düsseldorf', words: 'Düsseldorf' },
      { param: 'cities', value: 'Nuremberg', words: 'Nürnberg' },
      { param: 'cities', value: 'Marseille', words: 'Marseille' },
    ],
  },
  {
    command: 'Find CTOs in Silicon Valley',
    refuses: [{ words: 'Silicon Valley', kind: 'place' }],
  },
  {
    command: 'Find product managers in the Bay Area',
    never: [{ param: 'cities', value: 'San Francisco' }],
    refuses: [{ words: 'Bay Area', kind: 'place' }],
  },
  {
    command: 'Find sales managers at Orange in France',
    honours: [
      { param: 'companies', value: 'Orange', words: 'Orange' },
      { param: 'countries', value: 'France', words: 'France' },
    ],
  },
  {
    command: 'Find VPs of Engineering at acme corp',
    honours: [{ param: 'companies', value: 'acme corp', words: 'acme corp' }],
  },
  {
    command: 'Find ctos at n26',
    honours: [
      { param: 'companies', value: 'n26', words: 'n26' },
      { param: 'titles', value: 'CTO', words: 'ctos' },
    ],
  },
  {
    command: 'Find marketing directors at Notion and Monday',
    honours: [
      { param: 'companies', value: 'Notion', words: 'Notion' },
      { param: 'companies', value: 'Monday', words: 'Monday' },
    ],
  },
  // Companies
  {
    command: 'Email the decision makers at Cloudwerk GmbH about our pilot',
    context: ['sender'],
    honours: [
      { param: 'companies', value: 'Cloudwerk GmbH', words: 'Cloudwerk GmbH' },
      { param: 'seniorities', value: 'c_level', words: 'decision makers' },
    ],
    actions: ['prospects.search', 'email.draft', 'email.send'],
  },
  {
    command: 'Find engineers working at Acme Inc in Germany',
    honours: [
      { param: 'companies', value: 'Acme Inc', words: 'Acme Inc' },
      { param: 'countries', value: 'Germany', words: 'Germany' },
    ],
  },
  {
    command: 'Find the CFO at Siemens AG',
    honours: [
      { param: 'companies', value: 'Siemens AG', words: 'Siemens AG' },
      { param: 'titles', value: 'CFO', words: 'CFO' },
    ],
  },
  {
    command: 'List everyone at acme.com',
    honours: [{ param: 'companies', value: 'acme.com', words: 'acme.com' }],
  },
  {
    command: 'Find CTOs from Globex Corp and Initech',
    honours: [
      { param: 'companies', value: 'Globex Corp', words: 'Globex Corp' },
      { param: 'companies', value: 'Initech', words: 'Initech' },
    ],
  },
  {
    command: 'Find SDR managers in Dublin',
    honours: [
      { param: 'titles', value: 'SDR Manager', words: 'SDR managers' },
      { param: 'cities', value: 'Dublin', words: 'Dublin' },
    ],
    never: [
      { param: 'titles', value: 'Manager' },
      { param: 'titles', value: 'SDR' },
    ],
  },
  {
    command: 'Find CFOs from Ernst & Young and Deloitte',
    honours: [
      { param: 'companies', value: 'Ernst & Young', words: 'Ernst & Young' },
      { param: 'companies', value: 'Deloitte', words: 'Deloitte' },
      { param: 'titles', value: 'CFO', words: 'CFOs' },
    ],
    never: [
      { param: 'companies', value: 'Ernst' },
      { param: 'companies', value: 'Young' },
    ],
  },
  {
    command: 'Find VPs of Sales at "Müller & Söhne"',
    honours: [{ param: 'companies', value: 'Müller & Söhne', words: 'Müller & Söhne' }],
    never: [{ param: 'keywords', value: 'Müller & Söhne' }],
  },
  {
    command: 'Find CTOs at SaaS companies in Germany',
    honours: [
      { param: 'industries', value: 'Software', words: 'SaaS' },
      { param: 'countries', value: 'Germany', words: 'Germany' },
    ],
    never: [{ param: 'companies', value: 'SaaS' }],
  },
  {
    command: 'Find heads of finance at banks in Switzerland',
    honours: [
      { param: 'titles', value: 'Head of Finance', words: 'heads of finance' },
      { param: 'industries', value: 'Banking', words: 'banks' },
      { param: 'countries', value: 'Switzerland', words: 'Switzerland' },
    ],
  },
  {
    command: 'Find founders at companies with 50 employees or more',
    honours: [
      { param: 'titles', value: 'Founder', words: 'founders' },
      { param: 'employees_min', value: '50', words: '50 employees or more' },
    ],
  },
  {
    command: 'Find marketing managers at Deutsche Telekom in Bonn',
    honours: [{ param: 'companies', value: 'Deutsche Telekom', words: 'Deutsche Telekom' }],
    refuses: [{ words: 'Bonn', kind: 'place' }],
  },
  // Typos and places
  {
    command: 'Find VPs of Sales in Germny and export them',
    honours: [{ param: 'titles', value: 'VP of Sales', words: 'VPs of Sales' }],
    refuses: [{ words: 'Germny', kind: 'place', suggestion: 'Germany?' }],
  },
  {
    command: 'Find CTOs based in Frnace',
    refuses: [{ words: 'Frnace', kind: 'place', suggestion: 'France?' }],
    never: [{ param: 'countries', value: 'France' }],
  },
  {
    command: 'Find founders in Berln',
    refuses: [{ words: 'Berln', kind: 'place', suggestion: 'Berlin?' }],
  },
  {
    command: 'find product managers in germny',
    refuses: [{ words: 'germny', kind: 'place', suggestion: 'Germany?' }],
  },
  {
    command: 'Find CTOs in Lyon',
    refuses: [{ words: 'Lyon', kind: 'place' }],
  },
  {
    command: 'Find sales directors in München',
    honours: [{ param: 'cities', value: 'Munich', words: 'München' }],
  },
  {
    command: 'Find CTOs in Köln and Wien',
    honours: [
      { param: 'cities', value: 'Cologne', words: 'Köln' },
      { param: 'cities', value: 'Vienna', words: 'Wien' },
    ],
  },
  {
    command: 'Find founders in Deutschland',
    honours: [{ param: 'countries', value: 'Germany', words: 'Deutschland' }],
  },
  {
    command: 'Find CFOs in España and Italia',
    honours: [
      { param: 'countries', value: 'Spain', words: 'España' },
      { param: 'countries', value: 'Italy', words: 'Italia' },
    ],
  },
  {
    command: 'Find engineers in Zürich, Paris and Milano',
    honours: [
      { param: 'cities', value: 'Zurich', words: 'Zürich' },
      { param: 'cities', value: 'Paris', words: 'Paris' },
      { param: 'cities', value: 'Milan', words: 'Milano' },
    ],
  },
  {
    command: 'Find heads of product in Lisboa',
    honours: [{ param: 'cities', value: 'Lisbon', words: 'Lisboa' }],
  },
  {
    command: 'Find CTOs in Munich or Vienna',
    honours: [
      { param: 'cities', value: 'Munich', words: 'Munich' },
      { param: 'cities', value: 'Vienna', words: 'Vienna' },
    ],
  },
  // Lists, tags, imports, sources
  {
    command: 'Draft emails to everyone from our webinar list',
    context: ['sender'],
    honours: [{ param: 'tags', value: 'webinar', words: 'our webinar list' }],
    actions: ['prospects.search', 'email.draft'],
  },
  {
    command: 'Find CTOs on the VIP list',
    honours: [{ param: 'tags', value: 'VIP', words: 'the VIP list' }],
  },
  {
    command: 'Find prospects tagged conference2024 in France',
    honours: [
      { param: 'tags', value: 'conference2024', words: 'tagged conference2024' },
      { param: 'countries', value: 'France', words: 'France' },
    ],
  },
  {
    command: 'Find leads with the tag partner-referral',
    honours: [{ param: 'tags', value: 'partner-referral', words: 'tag partner-referral' }],
  },
  {
    command: 'Find CTOs from the import apollo-nov',
    honours: [{ param: 'batches', value: 'apollo-nov', words: 'import apollo-nov' }],
    withoutActions: ['prospects.import_csv'],
  },
  {
    command: 'Export the VPs from the hubspot-q3 batch to Excel',
    honours: [{ param: 'batches', value: 'hubspot-q3', words: 'hubspot-q3 batch' }],
    actions: ['export.spreadsheet'],
  },
  {
    command: 'Find CTOs with source linkedin',
    honours: [{ param: 'sources', value: 'linkedin', words: 'source linkedin' }],
  },
  {
    command: 'Find founders imported from HubSpot',
    honours: [{ param: 'sources', value: 'HubSpot', words: 'imported from HubSpot' }],
    never: [{ param: 'companies', value: 'HubSpot' }],
  },
  {
    command: 'Find CTOs from our mailing list',
    refuses: [{ words: 'our mailing list', kind: 'list' }],
  },
  {
    command: 'Find CTOs from the last import',
    refuses: [{ words: 'last import', kind: 'list' }],
  },
  {
    command: 'Email the founders from our newsletter signups',
    context: ['sender'],
    refuses: [{ words: 'our newsletter signups', kind: 'list' }],
  },
  // Exclusions
  {
    command: 'Find VPs of Sales in Europe but not in Germany',
    never: [{ param: 'countries', value: 'Germany' }],
    honours: [{ param: 'exclude_countries', value: 'Germany', words: 'not in Germany' }],
    refuses: [{ words: 'Europe', kind: 'place' }],
  },
  {
    command: 'Find CTOs outside the US',
    honours: [{ param: 'exclude_countries', value: 'United States', words: 'outside the US' }],
    never: [{ param: 'countries', value: 'United States' }],
  },
  {
    command: 'Find founders in DACH excluding Austria',
    honours: [
      { param: 'countries', value: 'Germany', words: 'DACH' },
      { param: 'exclude_countries', value: 'Austria', words: 'excluding Austria' },
    ],
  },
  {
    command: 'Find fintech CTOs in Europe except the UK',
    honours: [{ param: 'exclude_countries', value: 'United Kingdom', words: 'except the UK' }],
    never: [{ param: 'countries', value: 'United Kingdom' }],
    refuses: [{ words: 'Europe', kind: 'place' }],
  },
  {
    command: 'Find heads of IT in France except Acme',
    honours: [
      { param: 'countries', value: 'France', words: 'France' },
      { param: 'exclude_companies', value: 'Acme', words: 'except Acme' },
    ],
    never: [{ param: 'companies', value: 'Acme' }],
  },
  {
    command: 'Find CFOs at software companies excluding Acme and Globex',
    honours: [
      { param: 'exclude_companies', value: 'Acme', words: 'Acme' },
      { param: 'exclude_companies', value: 'Globex', words: 'Globex' },
    ],
  },
  {
    command: 'Find VPs of Marketing, not at Initech',
    honours: [{ param: 'exclude_companies', value: 'Initech', words: 'not at Initech' }],
    never: [{ param: 'companies', value: 'Initech' }],
  },
  {
    command: 'Find CTOs in Germany but not in Berlin',
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    never: [{ param: 'cities', value: 'Berlin' }],
    refuses: [{ words: 'Berlin', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in Spain except banks',
    honours: [{ param: 'countries', value: 'Spain', words: 'Spain' }],
    never: [{ param: 'industries', value: 'Banking' }],
    refuses: [{ words: 'banks', kind: 'exclusion' }],
  },
  // Contact history
  {
    command: 'Find CTOs in Germany not contacted in the last 90 days',
    honours: [
      { param: 'not_contacted_days', value: '90', words: 'not contacted in the last 90 days' },
    ],
  },
  {
    command: "Find founders we haven't emailed in 3 months",
    honours: [{ param: 'not_contacted_days', value: '90', words: "haven't emailed in 3 months" }],
  },
  {
    command: 'Find VPs of Sales not contacted for two weeks',
    honours: [{ param: 'not_contacted_days', value: '14', words: 'not contacted for two weeks' }],
  },
  {
    command: 'Find CTOs in Spain and skip anyone we already emailed',
    honours: [
      { param: 'never_emailed', value: 'true', words: 'skip anyone we already emailed' },
      { param: 'countries', value: 'Spain', words: 'Spain' },
    ],
  },
  {
    command: 'Find CFOs we have never contacted',
    honours: [{ param: 'never_emailed', value: 'true', words: 'never contacted' }],
  },
  {
    command: "Draft emails to heads of HR who we haven't emailed yet",
    context: ['sender'],
    honours: [{ param: 'never_emailed', value: 'true', words: "haven't emailed yet" }],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  {
    command: 'Find CTOs not emailed since March 2024',
    refuses: [{ words: 'not emailed since March 2024', kind: 'filter' }],
  },
  // Replies are not tracked
  {
    command: 'Email the CTOs in Berlin with no reply yet',
    context: ['sender'],
    refuses: [{ words: 'no reply yet', kind: 'filter' }],
  },
  {
    command: "Draft emails to founders in Paris who haven't replied",
    context: ['sender'],
    refuses: [{ words: "haven't replied", kind: 'filter' }],
  },
  // A single email has nothing to stop at a reply: refused, unlike with follow-ups (below).
  {
    command: 'Email CTOs in Spain unless they reply',
    context: ['sender'],
    refuses: [{ words: 'unless they reply', kind: 'filter' }],
    actions: ['email.send'],
    withoutActions: ['sequences.create'],
  },
  {
    command: 'Email CTOs in Spain until they reply',
    context: ['sender'],
    honours: [{ param: 'countries', value: 'Spain', words: 'Spain' }],
    refuses: [{ words: 'until they reply', kind: 'filter' }],
    withoutActions: ['sequences.create'],
  },
  // Follow-ups: a sequence (created, then launched), whose waits say when each follow-up goes
  // out; the days of "after 3 and 7 days" count from the first email, "then again" from the
  // follow-up before. A reply always ends an enrollment (a note, not a constraint).
  {
    command:
      'email the VPs of Sales in Germany we scored above 70, follow up after 3 and 7 business days unless they reply',
    honours: [
      { param: 'titles', value: 'VP of Sales', words: 'VPs of Sales' },
      { param: 'countries', value: 'Germany', words: 'Germany' },
      { param: 'min_score', value: '70', words: 'scored above 70' },
      { param: 'steps.1.business_days', value: '3', words: 'after 3', step: 1 },
      { param: 'steps.3.business_days', value: '4', words: '7 business days', step: 1 },
    ],
    actions: ['prospects.search', 'sequences.create', 'sequences.launch'],
    withoutActions: ['email.draft', 'email.send', 'research.score_fit'],
  },
  {
    command: 'Email CTOs in Berlin, follow up after 3 days, then again after 4 days',
    honours: [
      { param: 'cities', value: 'Berlin', words: 'Berlin' },
      { param: 'steps.1.days', value: '3', words: 'after 3 days', step: 1 },
      { param: 'steps.3.days', value: '4', words: 'then again after 4 days', step: 1 },
    ],
    never: [{ param: 'steps.3.days', value: '7', step: 1 }],
    actions: ['sequences.create', 'sequences.launch'],
  },
  {
    command: "Email VPs of Sales in Spain, follow up after a week if they don't reply",
    honours: [{ param: 'steps.1.days', value: '7', words: 'after a week', step: 1 }],
    actions: ['sequences.create'],
    withoutActions: ['email.send'],
  },
  {
    command:
      'Find CTOs in Germany, send them an email and 2 follow-ups 3 business days apart, unless they reply',
    honours: [
      { param: 'countries', value: 'Germany', words: 'Germany' },
      { param: 'steps.1.business_days', value: '3', words: '2 follow-ups', step: 1 },
      { param: 'steps.3.business_days', value: '3', words: '3 business days apart', step: 1 },
    ],
    actions: ['sequences.create', 'sequences.launch'],
  },
  {
    command:
      'Email 20 heads of marketing in London, follow up twice, 4 business days apart, until they reply',
    honours: [
      { param: 'limit', value: '20', words: '20' },
      { param: 'steps.3.business_days', value: '4', words: 'follow up twice', step: 1 },
    ],
    never: [{ param: 'steps.5.business_days', value: '4', step: 1 }],
  },
  {
    command: 'Draft emails to CTOs at SaaS companies in France with a follow-up 5 days later',
    honours: [
      { param: 'industries', value: 'Software', words: 'SaaS' },
      { param: 'steps.1.days', value: '5', words: '5 days', step: 1 },
    ],
    actions: ['sequences.create'],
    withoutActions: ['email.draft'],
  },
  {
    command: 'Email the 10 best-fitting CTOs in Austria, then follow up after 3 working days',
    honours: [
      { param: 'sort', value: '-score', words: 'best-fitting' },
      { param: 'limit', value: '10', words: '10' },
      { param: 'steps.1.business_days', value: '3', words: 'after 3 working days', step: 1 },
    ],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Email CTOs in Berlin, follow up after 3 days, skip anyone we already emailed',
    honours: [
      { param: 'never_emailed', value: 'true', words: 'skip anyone we already emailed' },
      { param: 'steps.1.days', value: '3', words: 'after 3 days', step: 1 },
    ],
  },
  // The sending window, always in each prospect's zone: "working hours" is the default said aloud.
  {
    command: 'Email CTOs in Berlin between 9am and 5:30pm, follow up after 2 and 5 days',
    honours: [
      { param: 'settings.window.start', value: '09:00', words: 'between 9am and 5:30pm', step: 1 },
      { param: 'settings.window.end', value: '17:30', words: 'between 9am and 5:30pm', step: 1 },
      { param: 'steps.1.days', value: '2', words: 'after 2', step: 1 },
      { param: 'steps.3.days', value: '3', words: '5 days', step: 1 },
    ],
  },
  {
    command:
      'Email CTOs in Munich during working hours, follow up after 3 days, Tuesday to Thursday',
    honours: [
      { param: 'settings.window.start', value: '09:00', words: 'during working hours', step: 1 },
      { param: 'settings.window.end', value: '17:00', words: 'during working hours', step: 1 },
      { param: 'settings.window.days', value: 'tue', words: 'Tuesday to Thursday', step: 1 },
      { param: 'settings.window.days', value: 'thu', words: 'Tuesday to Thursday', step: 1 },
    ],
    never: [{ param: 'settings.window.days', value: 'mon', step: 1 }],
  },
  {
    command: 'Email CTOs in Berlin on weekends, follow up after 3 days',
    refuses: [{ words: 'on weekends', kind: 'filter' }],
  },
  // A sequence's emails are friendly: another tone is refused, not dropped.
  {
    command: 'Write formal emails to CTOs in Berlin, follow up after 3 days',
    honours: [{ param: 'steps.1.days', value: '3', words: 'after 3 days', step: 1 }],
    refuses: [{ words: 'formal', kind: 'filter' }],
  },
  // Negations
  {
    command: 'Find CTOs in Berlin and draft emails, but do not send yet',
    context: ['sender'],
    honours: [{ param: 'cities', value: 'Berlin', words: 'Berlin' }],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  {
    command: "Find heads of sales in Paris but don't email them",
    honours: [{ param: 'cities', value: 'Paris', words: 'Paris' }],
    withoutActions: ['email.send'],
  },
  {
    command: "Draft intro emails to CFOs in London, don't send them",
    context: ['sender'],
    honours: [{ param: 'cities', value: 'London', words: 'London' }],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  // Stored scores and order
  {
    command: 'Export the 10 best-fitting VPs of Sales in Germany',
    honours: [
      { param: 'sort', value: '-score', words: 'best-fitting' },
      { param: 'limit', value: '10', words: '10' },
      { param: 'countries', value: 'Germany', words: 'Germany' },
    ],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find the highest scored CTOs in France',
    honours: [{ param: 'sort', value: '-score', words: 'highest scored' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs in Spain we scored above 70',
    honours: [{ param: 'min_score', value: '70', words: 'above 70' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find founders with a fit score of at least 60',
    honours: [{ param: 'min_score', value: '60', words: 'at least 60' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs in Spain, score them and keep those above 70',
    honours: [
      { param: 'threshold', value: '70', words: 'above 70', step: 1 },
      { param: 'countries', value: 'Spain', words: 'Spain' },
    ],
    never: [{ param: 'min_score', value: '70' }],
    actions: ['research.score_fit'],
  },
  {
    command: 'Top 20 CTOs in the Nordics',
    honours: [
      { param: 'limit', value: '20', words: 'top 20' },
      { param: 'countries', value: 'Sweden', words: 'Nordics' },
    ],
  },
  // Mixed
  {
    command:
      'Find 30 VPs of Sales at fintech companies in Germany, not at Acme, from our webinar list, not contacted in the last 60 days, and draft friendly emails but do not send yet',
    context: ['sender'],
    honours: [
      { param: 'limit', value: '30', words: 'Find 30' },
      { param: 'titles', value: 'VP of Sales', words: 'VPs of Sales' },
      { param: 'industries', value: 'Fintech', words: 'fintech' },
      { param: 'countries', value: 'Germany', words: 'Germany' },
      { param: 'exclude_companies', value: 'Acme', words: 'not at Acme' },
      { param: 'tags', value: 'webinar', words: 'webinar list' },
      { param: 'not_contacted_days', value: '60', words: 'not contacted in the last 60 days' },
    ],
    never: [{ param: 'companies', value: 'Acme' }],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  {
    command:
      'Email the 5 best-fitting CTOs at Cloudwerk GmbH in Munich, skip anyone we already emailed',
    context: ['sender'],
    honours: [
      { param: 'sort', value: '-score', words: 'best-fitting' },
      { param: 'limit', value: '5', words: '5' },
      { param: 'companies', value: 'Cloudwerk GmbH', words: 'Cloudwerk GmbH' },
      { param: 'cities', value: 'Munich', words: 'Munich' },
      { param: 'never_emailed', value: 'true', words: 'skip anyone we already emailed' },
    ],
    actions: ['email.send'],
  },
  {
    command: 'Find CTOs in Frnace outside the UK tagged webinar with no reply yet',
    honours: [
      { param: 'exclude_countries', value: 'United Kingdom', words: 'outside the UK' },
      { param: 'tags', value: 'webinar', words: 'tagged webinar' },
    ],
    refuses: [
      { words: 'Frnace', kind: 'place', suggestion: 'France?' },
      { words: 'no reply yet', kind: 'filter' },
    ],
  },
  {
    command:
      'Find 50 heads of marketing at SaaS companies in Köln with 50-500 employees tagged expo',
    honours: [
      { param: 'limit', value: '50', words: 'Find 50' },
      { param: 'cities', value: 'Cologne', words: 'Köln' },
      { param: 'employees_min', value: '50', words: '50-500 employees' },
      { param: 'employees_max', value: '500', words: '50-500 employees' },
      { param: 'tags', value: 'expo', words: 'tagged expo' },
    ],
  },
  // Negations and leftover words (red-team)
  {
    command: "Find engineers who don't work at Google",
    honours: [{ param: 'titles', value: 'Engineer', words: 'engineers' }],
    never: [{ param: 'companies', value: 'Google' }],
    refuses: [{ words: "don't work at Google", kind: 'exclusion' }],
  },
  {
    command: 'Find VPs of Sales that do not work at Oracle',
    never: [{ param: 'companies', value: 'Oracle' }],
    refuses: [{ words: 'not work at Oracle', kind: 'exclusion' }],
  },
  {
    command: "Find CEOs who aren't at Apple",
    never: [{ param: 'companies', value: 'Apple' }],
    refuses: [{ words: "aren't at Apple", kind: 'exclusion' }],
  },
  {
    command: 'Find founders but no one from Google',
    never: [{ param: 'companies', value: 'Google' }],
    refuses: [{ words: 'no one from Google', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in Germany but nobody at Siemens',
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    never: [{ param: 'companies', value: 'Siemens' }],
    refuses: [{ words: 'nobody at Siemens', kind: 'exclusion' }],
  },
  {
    command: "Find CTOs in Germany, don't include anyone at Google",
    never: [{ param: 'companies', value: 'Google' }],
    refuses: [{ words: "don't include anyone at Google", kind: 'exclusion' }],
  },
  {
    command: "Find CTOs that aren't in France",
    honours: [{ param: 'titles', value: 'CTO', words: 'CTOs' }],
    never: [{ param: 'countries', value: 'France' }],
    refuses: [{ words: "aren't in France", kind: 'exclusion' }],
  },
  {
    command: 'Find engineers in France (not Paris)',
    honours: [{ param: 'countries', value: 'France', words: 'France' }],
    never: [{ param: 'cities', value: 'Paris' }],
    refuses: [{ words: 'not Paris', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in Germany who are not on our webinar list',
    never: [{ param: 'tags', value: 'webinar' }],
    refuses: [{ words: 'not on our webinar list', kind: 'exclusion' }],
  },
  {
    command: 'Find managers, not directors, in Berlin',
    honours: [
      { param: 'titles', value: 'Manager', words: 'managers' },
      { param: 'cities', value: 'Berlin', words: 'Berlin' },
    ],
    never: [{ param: 'titles', value: 'Director' }],
    refuses: [{ words: 'not directors', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in Germany without any recruiters',
    never: [{ param: 'titles', value: 'Recruiter' }],
    refuses: [{ words: 'without any recruiters', kind: 'exclusion' }],
  },
  {
    command: 'Find founders in Germany, no consultants',
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    refuses: [{ words: 'no consultants', kind: 'exclusion' }],
  },
  {
    command: 'Find CTOs in Spain we have never talked to',
    honours: [{ param: 'countries', value: 'Spain', words: 'Spain' }],
    never: [{ param: 'never_emailed', value: 'true' }],
    refuses: [{ words: 'never talked to', kind: 'filter' }],
  },
  {
    command: 'Email CTOs in Germany, but hold off on sending',
    context: ['sender'],
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  {
    command: 'Find CTOs in Germany and draft emails, but wait before sending',
    context: ['sender'],
    actions: ['email.draft'],
    withoutActions: ['email.send'],
  },
  {
    command: "Find CFOs in France, just export, don't draft anything",
    actions: ['export.spreadsheet'],
    withoutActions: ['email.draft', 'email.send'],
  },
  {
    command: 'Find 50 marketing managers in Spain, one per company',
    honours: [{ param: 'limit', value: '50', words: '50' }],
    refuses: [{ words: 'one per company', kind: 'filter' }],
  },
  {
    command: 'Find 30 CTOs in Berlin who joined this year',
    honours: [{ param: 'cities', value: 'Berlin', words: 'Berlin' }],
    refuses: [{ words: 'joined this year', kind: 'filter' }],
  },
  {
    command: 'Find marketing managers hired in the last 6 months in London',
    refuses: [{ words: 'hired in the last 6 months', kind: 'filter' }],
  },
  {
    command: 'find engineers at stripe',
    refuses: [{ words: 'stripe', kind: 'filter' }],
  },
  {
    command: 'Find engineers in Germany who speak French',
    honours: [{ param: 'countries', value: 'Germany', words: 'Germany' }],
    never: [{ param: 'countries', value: 'France' }],
    refuses: [{ words: 'speak French', kind: 'filter' }],
  },
  {
    command: 'Find VPs of Sales who were at Salesforce before',
    never: [{ param: 'companies', value: 'Salesforce' }],
    refuses: [{ words: 'were at Salesforce before', kind: 'filter' }],
  },
  {
    command: 'Export CTOs in France that score lower than 50',
    refuses: [{ words: 'score lower than 50', kind: 'filter' }],
    withoutActions: ['research.score_fit'],
  },
  {
    command: 'Find CTOs in Germany and send emails next Monday',
    context: ['sender'],
    refuses: [{ words: 'Monday', kind: 'filter' }],
  },
  {
    command: 'Find CTOs with more than 10 years of experience',
    refuses: [{ words: 'more than 10 years of experience', kind: 'filter' }],
  },
];
