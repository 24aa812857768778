import { familyCovers, industryFamilyOf } from '../../../vocabulary/industry-family.util';
import type { ProspectInState, Seniority } from '../../prospects/prospect.types';
import type { Icp } from './icp.util';
import { containsAllWords, containsPhrase, normaliseCountry, words } from './text-match.util';

/**
 * Points each ICP criterion is worth; they add up to 100. A prospect's score is the points it
 * earns over the points of the criteria the ICP names, scaled to 0–100.
 */
export const FIT_WEIGHTS = {
  title: 30,
  seniority: 20,
  industry: 15,
  country: 15,
  size: 10,
  keywords: 10,
} as const;

export interface FitScore {
  score: number;
  /** One line per criterion the ICP names, with the points it gave. */
  reasons: string[];
}

interface Contribution {
  points: number;
  max: number;
  reason: string;
}

const SENIORITY_LABELS: Record<Seniority, string> = {
  founder: 'founder',
  c_level: 'C-level',
  vp: 'VP',
  director: 'director',
  manager: 'manager',
  senior: 'senior',
  entry: 'entry level',
};

/** The transparent, offline fit score of one prospect against an ICP. */
export function scoreFitHeuristic(prospect: ProspectInState, icp: Icp): FitScore {
  const contributions = [
    titleFit(prospect, icp),
    seniorityFit(prospect, icp),
    industryFit(prospect, icp),
    countryFit(prospect, icp),
    sizeFit(prospect, icp),
    keywordFit(prospect, icp),
  ].filter((contribution): contribution is Contribution => contribution !== undefined);
  const earned = contributions.reduce((sum, item) => sum + item.points, 0);
  const possible = contributions.reduce((sum, item) => sum + item.max, 0);
  const score = possible === 0 ? 0 : Math.round((100 * earned) / possible);
  const reasons = contributions.map((item) => item.reason);
  if (possible > 0 && possible !== 100) {
    reasons.push(`${earned} of ${possible} possible points, scaled to ${score}/100`);
  }
  return { score, reasons };
}

/**
 * The seniority of a title, for prospects that do not carry one: founder, C-level (chief …,
 * CxO, president), VP (vice president, SVP/EVP), director (director, head of), manager (manager,
 * lead), senior, entry (junior, intern, assistant, associate).
 */
export function seniorityOfTitle(title: string | undefined): Seniority | undefined {
  if (!title) return undefined;
  const text = ` ${words(title).join(' ')} `;
  if (/ (co ?)?founder | owner /.test(text)) return 'founder';
  if (/ vice president /.test(text)) return 'vp';
  if (/ chief | president /.test(text)) return 'c_level';
  if (/ director | head /.test(text)) return 'director';
  if (/ manager | lead | supervisor /.test(text)) return 'manager';
  if (/ senior | principal | staff /.test(text)) return 'senior';
  if (/ junior | intern | assistant | associate | trainee | graduate /.test(text)) return 'entry';
  return undefined;
}

function titleFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  if (!icp.titles) return undefined;
  const max = FIT_WEIGHTS.title;
  if (!prospect.title) return { points: 0, max, reason: 'No title to compare (+0)' };
  const title = prospect.title;
  const match = icp.titles.find((wanted) => containsAllWords(title, wanted));
  return match
    ? { points: max, max, reason: `Title matches '${match}' (+${max})` }
    : { points: 0, max, reason: `Title '${title}' matches none of ${list(icp.titles)} (+0)` };
}

function seniorityFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  if (!icp.seniorities) return undefined;
  const max = FIT_WEIGHTS.seniority;
  const derived = prospect.seniority ? undefined : seniorityOfTitle(prospect.title);
  const seniority = prospect.seniority ?? derived;
  if (!seniority) return { points: 0, max, reason: 'Seniority unknown (+0)' };
  const label = `${SENIORITY_LABELS[seniority] ?? seniority}${derived ? ' (from the title)' : ''}`;
  const wanted = icp.seniorities.map((level) => SENIORITY_LABELS[level] ?? level);
  return icp.seniorities.includes(seniority)
    ? { points: max, max, reason: `Seniority ${label} fits (+${max})` }
    : { points: 0, max, reason: `Seniority ${label} is not ${list(wanted, 'or')} (+0)` };
}

function industryFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  if (!icp.industries) return undefined;
  const max = FIT_WEIGHTS.industry;
  const industry = prospect.company?.industry;
  if (!industry) return { points: 0, max, reason: 'Industry unknown (+0)' };
  const match = icp.industries.find((wanted) => industryFits(industry, wanted));
  return match
    ? { points: max, max, reason: `Industry '${industry}' matches '${match}' (+${max})` }
    : {
        points: 0,
        max,
        reason: `Industry '${industry}' is not ${list(icp.industries, 'or')} (+0)`,
      };
}

/**
 * The industry vocabulary decides, as the prospect search does: two names of it fit when the
 * wanted family is the industry's or covers it ("SaaS" fits "Computer Software", "Financial
 * Services" fits "Fintech"). A name outside it is compared by words, either way round ("Robotics"
 * fits "Industrial Robotics", "Industrial Robotics" fits "Robotics"), a wanted family by its
 * name's words as well ("SaaS" fits "Healthcare Software").
 */
function industryFits(industry: string, wanted: string): boolean {
  const wantedFamily = industryFamilyOf(wanted);
  const family = industryFamilyOf(industry);
  if (wantedFamily && family) return familyCovers(wantedFamily, family);
  const names = wantedFamily ? [wanted, wantedFamily.name] : [wanted];
  return names.some((name) => containsAllWords(industry, name) || containsAllWords(name, industry));
}

function countryFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  if (!icp.countries) return undefined;
  const max = FIT_WEIGHTS.country;
  const country = prospect.country ?? prospect.company?.country;
  if (!country) return { points: 0, max, reason: 'Country unknown (+0)' };
  const fits = icp.countries.some(
    (wanted) => normaliseCountry(wanted) === normaliseCountry(country),
  );
  return fits
    ? { points: max, max, reason: `Country ${country} fits (+${max})` }
    : { points: 0, max, reason: `Country ${country} is not ${list(icp.countries, 'or')} (+0)` };
}

function sizeFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  const { employees_min: min, employees_max: max } = icp;
  if (min === undefined && max === undefined) return undefined;
  const weight = FIT_WEIGHTS.size;
  const range =
    min !== undefined && max !== undefined
      ? `${min}–${max}`
      : min !== undefined
        ? `at least ${min}`
        : `at most ${max}`;
  const count = prospect.company?.employee_count;
  if (typeof count !== 'number') {
    return { points: 0, max: weight, reason: `Company size unknown, wanted ${range} (+0)` };
  }
  const fits = (min === undefined || count >= min) && (max === undefined || count <= max);
  return fits
    ? {
        points: weight,
        max: weight,
        reason: `Company size ${count} is within ${range} (+${weight})`,
      }
    : { points: 0, max: weight, reason: `Company size ${count} is outside ${range} (+0)` };
}

function keywordFit(prospect: ProspectInState, icp: Icp): Contribution | undefined {
  if (!icp.keywords) return undefined;
  const max = FIT_WEIGHTS.keywords;
  const fields: [string, string | undefined][] = [
    ['title', prospect.title],
    ['company', prospect.company?.name],
    ['industry', prospect.company?.industry],
    ['department', prospect.department],
    ['tags', prospect.tags?.join(', ')],
  ];
  const found = icp.keywords.filter((keyword) =>
    fields.some(([, value]) => value !== undefined && containsPhrase(value, keyword)),
  );
  if (found.length === 0) {
    return { points: 0, max, reason: `No keyword found (${list(icp.keywords, 'or')}) (+0)` };
  }
  const points = Math.round((max * found.length) / icp.keywords.length);
  return { points, max, reason: `Keywords found: ${list(found)} (+${points})` };
}

function list(items: string[], last = 'and'): string {
  const quoted = items.map((item) => `'${item}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}

/** Prospects scoring at least `threshold`, best first (ties keep their order). */
export function keepFits<T extends { score?: number }>(prospects: T[], threshold: number): T[] {
  return prospects
    .map((prospect, index) => ({ prospect, index }))
    .filter(({ prospect }) => (prospect.score ?? 0) >= threshold)
    .sort((a, b) => (b.prospect.score ?? 0) - (a.prospect.score ?? 0) || a.index - b.index)
    .map(({ prospect }) => prospect);
}
