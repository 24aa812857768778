import type { CompanyEntity } from '../company.entity';
import type { ProspectEntity } from '../prospect.entity';
import type { CompanyInState, ProspectInState } from '../prospect.types';

/** Drops null and undefined values: the job state carries only what is known. */
function compact<T extends object>(value: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && item !== undefined),
  ) as T;
}

function companyInState(company: CompanyEntity | null | undefined): CompanyInState {
  if (!company) return { name: '' };
  return compact<CompanyInState>({
    name: company.name,
    domain: company.domain,
    website_url: company.websiteUrl,
    industry: company.industry,
    employee_count: company.employeeCount,
    city: company.city,
    country: company.country,
  });
}

/**
 * A stored prospect (with its company) as agents pass it through the job state, with its latest
 * fit score and reasons when it has one (a later research.score_fit step replaces them).
 */
export function toProspectInState(prospect: ProspectEntity): ProspectInState {
  return {
    ...compact<Omit<ProspectInState, 'company'>>({
      id: prospect.id,
      name: prospect.name,
      email: prospect.email,
      title: prospect.title,
      seniority: prospect.seniority,
      department: prospect.department,
      city: prospect.city,
      country: prospect.country,
      linkedin_url: prospect.linkedinUrl,
      tags: prospect.tags.length > 0 ? prospect.tags : undefined,
      sample: prospect.isSample ? true : undefined,
      score: prospect.fitScore,
      reasons: prospect.fitScore === null ? undefined : (prospect.fitReasons ?? undefined),
    }),
    company: companyInState(prospect.company),
  };
}
