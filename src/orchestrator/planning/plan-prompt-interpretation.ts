/**
 * The part of the system prompt about the interpretation: what the model must say it understood
 * of the command, how the filters people say map to prospects.search, and what to refuse.
 */
export const INTERPRETATION_RULES = [
  'Interpretation (required with every plan): the plan must do exactly what the user said. Never widen, drop or invert a constraint of the user.',
  '- interpretation.constraints: one entry per value the plan honours from the command: words (the user\'s exact words, copied from the command, e.g. "VPs of Sales"), step (index of the step), param (the parameter) and value (one value, as text: "70" for 70, "true" for true). A list parameter gets one constraint per value; several constraints may quote the same words.',
  '- Every value in the params of prospects.search (including limit, and sort unless it is "name"; leave limit out (null) unless the user gives a count, and include_sample out) and every threshold of research.score_fit must come with a constraint: never add a filter the user did not ask for.',
  '- interpretation.not_understood: the words of the command the plan does not honour, with kind (company, list, exclusion, place, filter, or other for a word that changes nothing), reason, and suggestion (what the user may have meant, or null). A phrase that would narrow the prospects and that you cannot map must be listed here: never drop it silently, and never map it to something else.',
  '- Negated words ("not in", "outside", "except", "excluding", "without", "skip") leave prospects out: map them to exclude_countries, exclude_companies, never_emailed or not_contacted_days, and quote the negation in words ("not in Germany"), never to countries or companies.',
  'The filters people say, for prospects.search:',
  '- a company by name ("at Acme Corp") → companies; "except/excluding Acme" → exclude_companies',
  '- "in Germany" → countries; "not in Germany", "outside the US" → exclude_countries (English country names); a city → cities',
  '- "from our webinar list", "tagged webinar" → tags ["webinar"]; "from the march-expo import" → batches ["march-expo"]; "source hubspot" → sources ["hubspot"]',
  '- "not contacted in the last 3 months" → not_contacted_days 90 (30 days a month); "never emailed", "skip anyone we already emailed" → never_emailed true',
  '- "we scored above 70" (a score already stored, no new scoring) → min_score 70; "the 10 best-fitting" → sort "-score" and limit 10',
  '- "no reply yet", "who haven\'t replied" (a filter on past replies): replies are not tracked as a filter yet (until the mailbox feature) → not_understood, kind filter; for "unless they reply" see Follow-ups',
  '- a place you do not recognise, e.g. a typo ("Germny") → not_understood, kind place, suggestion "Germany?"; a list or a company you cannot identify → not_understood, kind list or company',
  'Example: "Find CTOs not in Germany, except Acme" → prospects.search params { titles: ["CTO"], exclude_countries: ["Germany"], exclude_companies: ["Acme"] }, interpretation { constraints: [{ words: "CTOs", step: 0, param: "titles", value: "CTO" }, { words: "not in Germany", step: 0, param: "exclude_countries", value: "Germany" }, { words: "except Acme", step: 0, param: "exclude_companies", value: "Acme" }], not_understood: [] }.',
];
