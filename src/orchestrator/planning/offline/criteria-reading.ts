import {
  CommandCriteria,
  findDepartments,
  findIndustries,
  findLocations,
  findSeniorities,
  findTitles,
} from './command-criteria';
import { findCompaniesNamedAfterPlaces } from './company-criteria';
import { Evidence, evidenceOf } from './evidence';
import { findKeywords } from './keyword-criteria';
import { findCompanySize, findLimitMatch, findScoreThreshold } from './numeric-criteria';
import { maskSpans, PhraseMatch, Span } from './text-matching';

/** The criteria of a command, with the evidence of each value. */
export interface CriteriaReading {
  criteria: CommandCriteria;
  evidence: Evidence[];
  /** The command with every span a criterion used masked. */
  rest: string;
  /** The span of the score threshold, when there is one. */
  thresholdSpan?: Span;
}

/**
 * Parses every criterion. Each parser masks what it used before the next one runs, in this
 * order: keywords, titles, places, industries, company size, score threshold; the limit is read
 * last from the numbers nothing else claimed.
 */
export function parseCriteria(text: string): CommandCriteria {
  return readCriteria(text).criteria;
}

/** parseCriteria, with the evidence of each value. */
export function readCriteria(text: string): CriteriaReading {
  const keywords = findKeywords(text);
  let rest = maskSpans(text, keywords.spans);
  const titles = findTitles(rest);
  rest = maskSpans(rest, titles.spans);
  // "at Bank of America", "from Munich Re" are companies, not places.
  const locations = findLocations(maskSpans(rest, findCompaniesNamedAfterPlaces(rest)));
  rest = maskSpans(rest, locations.spans);
  const industries = findIndustries(rest);
  rest = maskSpans(rest, industries.spans);
  const size = findCompanySize(rest);
  rest = maskSpans(rest, size.spans);
  const threshold = findScoreThreshold(rest);
  rest = maskSpans(rest, threshold.spans);
  const seniorities = findSeniorities(rest);
  const departments = findDepartments(rest);
  const limit = findLimitMatch(
    maskSpans(text, [...keywords.spans, ...size.spans, ...threshold.spans]),
  );
  const evidence: Evidence[] = [
    ...evidenceOf('titles', titles.matches),
    ...evidenceOf('seniorities', seniorities.matches),
    ...evidenceOf('departments', departments.matches),
    ...evidenceOf('industries', industries.matches),
    ...locationEvidence(locations.spans),
    ...size.evidence,
    ...evidenceOf('keywords', keywords.matches),
    ...(limit ? [{ ...limit, param: 'limit' }] : []),
    ...threshold.spans.map((span) => ({
      ...span,
      param: 'threshold',
      value: threshold.threshold as number,
    })),
  ];
  const criteria: CommandCriteria = {
    titles: titles.values,
    seniorities: seniorities.values,
    departments: departments.values,
    industries: industries.values,
    countries: locations.countries,
    cities: locations.cities,
    employeesMin: size.employeesMin,
    employeesMax: size.employeesMax,
    keywords: keywords.values,
    limit: limit?.value,
    threshold: threshold.threshold,
  };
  rest = maskSpans(maskSpans(rest, seniorities.spans), departments.spans);
  return { criteria, evidence, rest, thresholdSpan: threshold.spans[0] };
}

function locationEvidence(
  matches: readonly PhraseMatch<{ countries?: string[]; cities?: string[] }>[],
): Evidence[] {
  return matches.flatMap(({ start, end, value }) => [
    ...(value.countries ?? []).map((country) => ({
      start,
      end,
      param: 'countries',
      value: country,
    })),
    ...(value.cities ?? []).map((city) => ({ start, end, param: 'cities', value: city })),
  ]);
}
