import { industryFamilyOf } from '../../../vocabulary/industry-family.util';
import type { CompanyEntity } from '../company.entity';
import type { ProspectEntity } from '../prospect.entity';
import { departmentFromTitle } from '../utils/department.util';
import {
  cleanText,
  fullName,
  nameKey,
  normaliseDomain,
  normaliseEmail,
  normaliseLinkedinUrl,
  uniqueTags,
  websiteUrlOf,
} from '../utils/normalise.util';
import { prospectSearchText } from '../utils/search-text.util';
import { seniorityFromTitle } from '../utils/seniority.util';
import { titleWords } from '../utils/title-words.util';
import type { CompanyInput, ProspectInput } from './prospect-input.types';

/**
 * A company input cleaned: trimmed text, domain from the website when absent, the industry as
 * written with its vocabulary family beside it.
 */
export interface CleanCompany {
  name: string;
  nameKey: string;
  domain?: string;
  websiteUrl?: string;
  industry?: string;
  industryFamily?: string;
  employeeCount?: number;
  city?: string;
  country?: string;
}

/** A prospect input cleaned: a name, normalised email and LinkedIn URL, unique tags. */
export interface CleanProspect extends Omit<
  ProspectInput,
  'company' | 'tags' | 'optedOut' | 'isSample'
> {
  name: string;
  nameKey: string;
  tags: string[];
  optedOut: boolean;
  isSample: boolean;
  company?: CleanCompany;
}

export function cleanCompany(input: CompanyInput | undefined): CleanCompany | undefined {
  const name = cleanText(input?.name);
  if (!input || !name) return undefined;
  const domain = normaliseDomain(input.domain) ?? normaliseDomain(input.websiteUrl);
  const industry = cleanText(input.industry);
  return {
    name,
    nameKey: nameKey(name),
    domain,
    websiteUrl: websiteUrlOf(input.websiteUrl, domain),
    industry,
    industryFamily: industryFamilyOf(industry)?.key,
    employeeCount: input.employeeCount,
    city: cleanText(input.city),
    country: cleanText(input.country),
  };
}

/** The cleaned input, or why it cannot be stored. */
export function cleanProspect(input: ProspectInput): CleanProspect | { error: string } {
  const name = cleanText(input.name) ?? fullName(input.firstName, input.lastName);
  if (!name) return { error: 'name (or first and last name) is required' };
  const company = cleanCompany(input.company);
  return {
    name,
    nameKey: nameKey(name),
    firstName: cleanText(input.firstName),
    lastName: cleanText(input.lastName),
    email: normaliseEmail(input.email),
    title: cleanText(input.title),
    seniority: input.seniority,
    department: cleanText(input.department),
    city: cleanText(input.city) ?? company?.city,
    country: cleanText(input.country) ?? company?.country,
    linkedinUrl: normaliseLinkedinUrl(input.linkedinUrl),
    source: cleanText(input.source),
    tags: uniqueTags(input.tags ?? []),
    optedOut: input.optedOut === true,
    isSample: input.isSample === true,
    company,
  };
}

type ProspectColumns = Omit<ProspectEntity, 'id' | 'company' | 'createdAt' | 'updatedAt'>;
type CompanyColumns = Omit<CompanyEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** The prospect's company: its id and name (for the search text). */
export type ProspectCompany = Pick<CompanyEntity, 'id' | 'name'>;

/** The columns of a new prospect. */
export function newProspectColumns(
  input: CleanProspect,
  company: ProspectCompany | null,
  now: Date,
): ProspectColumns {
  const companyId = company?.id ?? null;
  return {
    name: input.name,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    email: input.email ?? null,
    title: input.title ?? null,
    titleWords: titleWords(input.title),
    searchText: prospectSearchText({ ...input, companyName: company?.name }),
    seniority: input.seniority ?? seniorityFromTitle(input.title) ?? null,
    department: input.department ?? departmentFromTitle(input.title) ?? null,
    companyId,
    city: input.city ?? null,
    country: input.country ?? null,
    linkedinUrl: input.linkedinUrl ?? null,
    source: input.source ?? null,
    isSample: input.isSample,
    tags: input.tags,
    optedOut: input.optedOut,
    optedOutAt: input.optedOut ? now : null,
  };
}

/**
 * What merging a duplicate into an existing prospect changes. The input's non-empty values win;
 * empty ones never erase. Tags are united, the first source is kept (and with it whether the
 * prospect is sample data), and an opt-out is never undone. A new title re-derives the seniority unless the input gives one. `linkedinTaken`: the
 * input's LinkedIn URL belongs to another prospect, so it is not copied. `companyName`: the name
 * of the company the prospect has after the merge (null: none; undefined: not known, so the
 * search text is only rebuilt when the prospect has no company).
 */
export function mergedProspectColumns(
  existing: ProspectColumns,
  input: CleanProspect,
  options: {
    companyId: string | null;
    companyName?: string | null;
    linkedinTaken: boolean;
    now: Date;
  },
): Partial<ProspectColumns> {
  const title = input.title ?? existing.title;
  const titleChanged = title !== existing.title;
  const companyId = options.companyId ?? existing.companyId;
  const merged: ProspectColumns = {
    // The same name in other case or spacing is no news.
    name: input.nameKey === nameKey(existing.name) ? existing.name : input.name,
    firstName: input.firstName ?? existing.firstName,
    lastName: input.lastName ?? existing.lastName,
    email: input.email ?? existing.email,
    title,
    titleWords: titleChanged ? titleWords(title) : existing.titleWords,
    searchText: existing.searchText,
    seniority:
      input.seniority ??
      (titleChanged
        ? (seniorityFromTitle(title) ?? null)
        : (existing.seniority ?? seniorityFromTitle(title) ?? null)),
    department: input.department ?? existing.department ?? departmentFromTitle(title) ?? null,
    companyId,
    city: input.city ?? existing.city,
    country: input.country ?? existing.country,
    linkedinUrl: (!options.linkedinTaken && input.linkedinUrl) || existing.linkedinUrl,
    source: existing.source ?? input.source ?? null,
    isSample: existing.isSample,
    tags: uniqueTags([...existing.tags, ...input.tags]),
    optedOut: existing.optedOut || input.optedOut,
    optedOutAt: existing.optedOutAt ?? (input.optedOut ? options.now : null),
  };
  const companyName = companyId === null ? null : options.companyName;
  if (companyName !== undefined) {
    merged.searchText = prospectSearchText({ ...merged, companyName });
  }
  return changedColumns(existing, merged);
}

/** The columns of a new company. */
export function newCompanyColumns(input: CleanCompany): CompanyColumns {
  return {
    name: input.name,
    domain: input.domain ?? null,
    websiteUrl: input.websiteUrl ?? null,
    industry: input.industry ?? null,
    industryFamily: input.industryFamily ?? null,
    employeeCount: input.employeeCount ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
  };
}

/**
 * What a company input changes on a known company: its non-empty values; the name is kept. A new
 * industry brings its family.
 */
export function mergedCompanyColumns(
  existing: CompanyColumns,
  input: CleanCompany,
): Partial<CompanyColumns> {
  return changedColumns(existing, {
    name: existing.name,
    domain: existing.domain ?? input.domain ?? null,
    websiteUrl: input.websiteUrl ?? existing.websiteUrl,
    industry: input.industry ?? existing.industry,
    industryFamily: input.industry ? (input.industryFamily ?? null) : existing.industryFamily,
    employeeCount: input.employeeCount ?? existing.employeeCount,
    city: input.city ?? existing.city,
    country: input.country ?? existing.country,
  });
}

function changedColumns<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) =>
        JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key]),
    ),
  ) as Partial<T>;
}
