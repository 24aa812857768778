import { findQuotedCompanies } from './company-criteria';
import { findContactFilters } from './contact-criteria';
import { Evidence, FilterReading, joinReadings } from './evidence';
import { findExclusions } from './exclusion-criteria';
import { findListFilters } from './list-criteria';
import { findScoreOrder } from './score-order';
import { maskSpans, uniqueInOrder } from './text-matching';
import { findUnsupportedFilters } from './unsupported-filters';

/**
 * The filters read before the other criteria, each masking what it used for the next: filters
 * the search cannot apply (refused), contact
 * history, exclusions (so "not in Germany" is never read as Germany), lists and imports, the
 * order of stored scores, quoted companies (before quoted keywords).
 */
export function readAudienceFilters(text: string): FilterReading {
  const readers = [
    findUnsupportedFilters,
    findContactFilters,
    findExclusions,
    findListFilters,
    findScoreOrder,
    findQuotedCompanies,
  ];
  let rest = text;
  const readings: FilterReading[] = [];
  for (const read of readers) {
    const reading = read(rest);
    readings.push(reading);
    rest = maskSpans(rest, reading.spans);
  }
  return joinReadings(...readings);
}

const LIST_PARAMS = [
  'companies',
  'exclude_companies',
  'exclude_countries',
  'tags',
  'batches',
  'sources',
];
const SCALAR_PARAMS = ['not_contacted_days', 'never_emailed', 'min_score', 'sort'];

/** The search parameters of filter evidence: lists in order without repeats, scalars first said. */
export function filterParams(evidence: readonly Evidence[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const param of LIST_PARAMS) {
    const values = evidence
      .filter((item) => item.param === param)
      .map(({ value }) => String(value));
    if (values.length > 0) params[param] = uniqueInOrder(values);
  }
  for (const param of SCALAR_PARAMS) {
    const first = evidence.find((item) => item.param === param);
    if (first) params[param] = first.value;
  }
  return params;
}
