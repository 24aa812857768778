import type { CompanyInput, ProspectInput } from '../upsert/prospect-input.types';
import {
  CHIEF_ROLES,
  COMPANY_FIRST_PARTS,
  COMPANY_SECOND_PARTS,
  FOUNDER_ROLES,
  OTHER_ROLES,
  SALES_LEADER_ROLES,
  SAMPLE_INDUSTRIES,
  SAMPLE_LOCALES,
  SAMPLE_SIZES,
  SAMPLE_TAGS,
  SampleLocale,
  SampleRole,
  SOFTWARE_SALES_LEADER,
} from './sample-vocabulary';

/** The seed of the shipped sample data: the same prospects on every installation. */
export const SAMPLE_SEED = 20261124;
export const SAMPLE_COMPANY_COUNT = 180;
/** Every sample prospect has this tag and this source, and is flagged `isSample`. */
export const SAMPLE_TAG = 'sample';
export const SAMPLE_SOURCE = 'sample';
/** Sample companies live under this reserved top-level domain (RFC 2606). */
export const SAMPLE_TLD = 'example';
const OPT_OUT_SHARE = 0.02;

type Random = () => number;

/** mulberry32: a small, fast, seedable generator; the same seed gives the same sequence. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[between(random, 0, items.length - 1)];

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  let rest = random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    rest -= item.weight;
    if (rest < 0) return item;
  }
  return items[items.length - 1];
}

/** Lower-case ASCII for an email or a domain: "Jürgen Ström" → "jurgen strom". */
export function toAscii(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

interface SampleCompany extends CompanyInput {
  locale: SampleLocale;
  employeeCount: number;
  industry: string;
  domain: string;
}

function generateCompanies(random: Random, count: number): SampleCompany[] {
  const names = COMPANY_FIRST_PARTS.flatMap((first) =>
    COMPANY_SECOND_PARTS.map((second) => [first, second] as const),
  );
  // A seeded shuffle: each company gets a different name, so a different domain.
  for (let index = names.length - 1; index > 0; index--) {
    const other = between(random, 0, index);
    [names[index], names[other]] = [names[other], names[index]];
  }
  return names.slice(0, count).map(([first, second]) => {
    const locale = pickWeighted(random, SAMPLE_LOCALES);
    const size = pickWeighted(random, SAMPLE_SIZES);
    const domain = `${toAscii(first + second).replace(/[^a-z0-9]/g, '')}.${SAMPLE_TLD}`;
    return {
      locale,
      name: `${first} ${second} ${pick(random, locale.legalForms)}`,
      domain,
      websiteUrl: `https://${domain}`,
      industry: pickWeighted(random, SAMPLE_INDUSTRIES).name,
      employeeCount: between(random, size.min, size.max),
      city: pick(random, locale.cities),
      country: locale.country,
    };
  });
}

/** The roles at a company: its leader, a sales leader from 50 employees, then others. */
function rolesAt(random: Random, company: SampleCompany): SampleRole[] {
  const size = company.employeeCount;
  const count =
    size < 50
      ? between(random, 3, 5)
      : size <= 500
        ? between(random, 5, 9)
        : between(random, 7, 12);
  const roles = [pick(random, size < 50 ? FOUNDER_ROLES : CHIEF_ROLES)];
  if (size >= 50) {
    roles.push(
      company.industry === 'Software' ? SOFTWARE_SALES_LEADER : pick(random, SALES_LEADER_ROLES),
    );
  }
  const others = [...OTHER_ROLES];
  while (roles.length < count)
    roles.push(others.splice(between(random, 0, others.length - 1), 1)[0]);
  return roles;
}

function prospectsAt(random: Random, company: SampleCompany): ProspectInput[] {
  const { locale } = company;
  const taken = new Set<string>();
  return rolesAt(random, company).map((role) => {
    let firstName: string;
    let lastName: string;
    do {
      firstName = pick(random, locale.firstNames);
      lastName = pick(random, locale.surnameStems) + pick(random, locale.surnameEndings);
    } while (taken.has(`${firstName} ${lastName}`));
    taken.add(`${firstName} ${lastName}`);
    const local = toAscii(`${firstName}.${lastName}`).replace(/[^a-z0-9.]/g, '');
    const extraTags = SAMPLE_TAGS.filter(() => random() < 0.15);
    return {
      firstName,
      lastName,
      email: `${local}@${company.domain}`,
      title: role.title,
      department: role.department,
      city: random() < 0.85 ? company.city : pick(random, locale.cities),
      country: company.country,
      source: SAMPLE_SOURCE,
      isSample: true,
      tags: [SAMPLE_TAG, ...extraTags],
      optedOut: random() < OPT_OUT_SHARE,
      company: {
        name: company.name,
        domain: company.domain,
        websiteUrl: company.websiteUrl,
        industry: company.industry,
        employeeCount: company.employeeCount,
        city: company.city,
        country: company.country,
      },
    };
  });
}

/**
 * The fictional sample prospects, the same for the same seed: about 1,300 people at 180 companies
 * across Europe and the US, SaaS (industry Software) best represented, every seniority, sizes from
 * 5 to 20,000 employees. Emails and websites are under `.example`. Every software company with 50
 * or more employees has a VP of Sales.
 */
export function generateSampleProspects(
  options: { seed?: number; companies?: number } = {},
): ProspectInput[] {
  const random = seededRandom(options.seed ?? SAMPLE_SEED);
  const companies = generateCompanies(random, options.companies ?? SAMPLE_COMPANY_COUNT);
  return companies.flatMap((company) => prospectsAt(random, company));
}
