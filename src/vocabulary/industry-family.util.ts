import { INDUSTRY_FAMILIES, type IndustryFamily } from './industry-families';

/**
 * An industry name as the vocabulary compares it: lower case, accents and "&" spelt plainly,
 * every run of punctuation or space one space ("IT Services & IT Consulting" → "it services and
 * it consulting", "E-Commerce" → "e commerce").
 */
export function industryLookupKey(industry: string): string {
  return industry
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_LOOKUP_KEY = new Map<string, IndustryFamily>();
const BY_KEY = new Map<string, IndustryFamily>();
for (const family of INDUSTRY_FAMILIES as readonly IndustryFamily[]) {
  BY_KEY.set(family.key, family);
  for (const name of [family.name, ...family.synonyms]) {
    BY_LOOKUP_KEY.set(industryLookupKey(name), family);
  }
}

/**
 * The family an industry name belongs to: "SaaS", "Computer Software" and "Software Development"
 * are all Software. A name is matched whole, so "Healthcare Software" belongs to none: an industry
 * outside the vocabulary is kept as written and found by its own words.
 */
export function industryFamilyOf(industry: string | null | undefined): IndustryFamily | undefined {
  if (!industry) return undefined;
  return BY_LOOKUP_KEY.get(industryLookupKey(industry));
}

/** The family with this key (as stored in `companies.industry_family`). */
export function industryFamilyByKey(key: string): IndustryFamily | undefined {
  return BY_KEY.get(key);
}

/**
 * Keys of the families a filter or an ICP naming `family` accepts: the family and the narrower
 * ones it covers ("Financial Services" → financial-services, fintech, banking, insurance).
 */
export function coveredFamilyKeys(family: IndustryFamily): string[] {
  const keys = new Set<string>([family.key]);
  for (const key of keys) {
    for (const narrower of BY_KEY.get(key)?.includes ?? []) keys.add(narrower);
  }
  return [...keys];
}

/** Whether an industry of family `actual` meets a wish for `wanted` (the same or narrower). */
export function familyCovers(wanted: IndustryFamily, actual: IndustryFamily): boolean {
  return coveredFamilyKeys(wanted).includes(actual.key);
}
