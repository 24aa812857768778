import type { Seniority } from '../../prospect.types';
import type { ProspectInput } from '../../upsert/prospect-input.types';
import { cleanProspect } from '../../upsert/prospect-merge.util';
import { departmentFromTitle } from '../../utils/department.util';
import { seniorityFromTitle } from '../../utils/seniority.util';

/** A company as an import would store it (for a new company). */
export interface PreviewCompany {
  name: string;
  domain: string | null;
  websiteUrl: string | null;
  industry: string | null;
  employeeCount: number | null;
  city: string | null;
  country: string | null;
}

/** A prospect as an import would store it when it is new (a duplicate merges instead). */
export interface PreviewProspect {
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  title: string | null;
  seniority: Seniority | null;
  department: string | null;
  city: string | null;
  country: string | null;
  linkedinUrl: string | null;
  source: string | null;
  tags: string[];
  company: PreviewCompany | null;
}

/**
 * A row's prospect as the upsert would write it new: cleaned and normalised (name, email,
 * LinkedIn URL, domain), seniority and department derived from the title; or why it is skipped.
 */
export function previewProspect(input: ProspectInput): PreviewProspect | { error: string } {
  const clean = cleanProspect(input);
  if ('error' in clean) return clean;
  const company = clean.company;
  return {
    name: clean.name,
    firstName: clean.firstName ?? null,
    lastName: clean.lastName ?? null,
    email: clean.email ?? null,
    title: clean.title ?? null,
    seniority: clean.seniority ?? seniorityFromTitle(clean.title) ?? null,
    department: clean.department ?? departmentFromTitle(clean.title) ?? null,
    city: clean.city ?? null,
    country: clean.country ?? null,
    linkedinUrl: clean.linkedinUrl ?? null,
    source: clean.source ?? null,
    tags: clean.tags,
    company: company
      ? {
          name: company.name,
          domain: company.domain ?? null,
          websiteUrl: company.websiteUrl ?? null,
          industry: company.industry ?? null,
          employeeCount: company.employeeCount ?? null,
          city: company.city ?? null,
          country: company.country ?? null,
        }
      : null,
  };
}
