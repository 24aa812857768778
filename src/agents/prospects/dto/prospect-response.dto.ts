import type { CompanyEntity } from '../company.entity';
import type { PreviewCompany } from '../import/preview/preview-prospect.util';
import type { ProspectEntity } from '../prospect.entity';
import type { Seniority } from '../prospect.types';
import type { ProspectPage } from '../search/prospect-search.types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** What a company is, as stored, or as an import would store it (see the import preview). */
export class CompanyFieldsDto {
  /** @example "Nordlicht Software GmbH" */
  name: string;
  /** @example nordlicht.example */
  domain: string | null;
  /** @example https://nordlicht.example */
  website_url: string | null;
  /** @example Software */
  industry: string | null;
  /** @example 180 */
  employee_count: number | null;
  /** @example Berlin */
  city: string | null;
  /** @example Germany */
  country: string | null;

  static fieldsOf(company: PreviewCompany): CompanyFieldsDto {
    return {
      name: company.name,
      domain: company.domain,
      website_url: company.websiteUrl,
      industry: company.industry,
      employee_count: company.employeeCount,
      city: company.city,
      country: company.country,
    };
  }
}

/** A prospect's company. */
export class CompanyDto extends CompanyFieldsDto {
  /** @example 0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f */
  id: string;
  /**
   * What the company does, from its website: the latest research.company_summary.
   * @example "Nordlicht builds lead-scoring software for B2B sales teams."
   */
  summary: string | null;
  /** ISO-8601, when `summary` was written. @example 2026-11-24T10:05:00.000Z */
  summarized_at: string | null;

  static from(company: CompanyEntity): CompanyDto {
    return {
      id: company.id,
      ...CompanyFieldsDto.fieldsOf(company),
      summary: company.summary ?? null,
      summarized_at: iso(company.summarizedAt ?? null),
    };
  }
}

/** A prospect's latest fit score, kept by research.score_fit. */
export class FitScoreDto {
  /** 0–100 against the job's ideal customer profile. @example 85 */
  score: number;
  /**
   * Why the score, one line each.
   * @example ["Seniority VP fits (+20)","Company size 120 is within 50-500 (+10)"]
   */
  reasons: string[];
  /** ISO-8601. @example 2026-11-24T10:05:00.000Z */
  scored_at: string;
  /** The job that scored it; its state holds the ICP. @example job-2026-11-24-001 */
  job_id: string | null;

  /** The prospect's fit, or null when it was never scored. */
  static from(prospect: ProspectEntity): FitScoreDto | null {
    if (prospect.fitScore === null || prospect.fitScore === undefined || !prospect.fitScoredAt) {
      return null;
    }
    return {
      score: prospect.fitScore,
      reasons: prospect.fitReasons ?? [],
      scored_at: prospect.fitScoredAt.toISOString(),
      job_id: prospect.fitJobId ?? null,
    };
  }
}

/** A prospect as the API returns it. */
export class ProspectDto {
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  id: string;
  /** @example "Anna Beispielmann" */
  name: string;
  /** @example Anna */
  first_name: string | null;
  /** @example Beispielmann */
  last_name: string | null;
  /** @example anna.beispielmann@nordlicht.example */
  email: string | null;
  /** @example VP of Sales */
  title: string | null;
  /** founder, c_level, vp, director, manager, senior or entry; from the title when not given. @example vp */
  seniority: Seniority | null;
  /** @example Sales */
  department: string | null;
  /** @example Berlin */
  city: string | null;
  /** @example Germany */
  country: string | null;
  /** @example https://www.linkedin.com/in/anna-beispielmann */
  linkedin_url: string | null;
  /** Where the prospect came from. @example csv */
  source: string | null;
  /**
   * A fictional sample prospect (loaded on first start): left out of searches once other
   * prospects exist, never emailed. DELETE /prospects/sample removes them all.
   */
  sample: boolean;
  /** @example ["webinar"] */
  tags: string[];
  /** Never emailed again when true. */
  opted_out: boolean;
  /** ISO-8601, when opted out. */
  opted_out_at: string | null;
  /** The latest fit score, or null when never scored. */
  fit: FitScoreDto | null;
  company: CompanyDto | null;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  updated_at: string;

  static from(prospect: ProspectEntity): ProspectDto {
    return {
      id: prospect.id,
      name: prospect.name,
      first_name: prospect.firstName,
      last_name: prospect.lastName,
      email: prospect.email,
      title: prospect.title,
      seniority: prospect.seniority,
      department: prospect.department,
      city: prospect.city,
      country: prospect.country,
      linkedin_url: prospect.linkedinUrl,
      source: prospect.source,
      sample: prospect.isSample,
      tags: prospect.tags,
      opted_out: prospect.optedOut,
      opted_out_at: iso(prospect.optedOutAt),
      fit: FitScoreDto.from(prospect),
      company: prospect.company ? CompanyDto.from(prospect.company) : null,
      created_at: prospect.createdAt.toISOString(),
      updated_at: prospect.updatedAt.toISOString(),
    };
  }
}

/** One page of prospects, in the order asked for (by name unless `sort` says otherwise). */
export class ProspectPageDto {
  items: ProspectDto[];
  /**
   * How many prospects match in all; with `total_is_lower_bound`, at least this many. @example 42
   */
  total: number;
  /**
   * true when more prospects match than GET /prospects counts (PROSPECTS_COUNT_BOUND, 1,000 by
   * default; 5,000 with free text; or the end of the page asked for when further): `total` is
   * then that bound, a lower bound of the matches. false: `total` is exact. @example false
   */
  total_is_lower_bound: boolean;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;
  /**
   * Whether sample prospects were left out: by default once any other prospect exists, or with
   * `include_sample=false`.
   */
  sample_excluded: boolean;

  static from(page: ProspectPage): ProspectPageDto {
    return {
      items: page.items.map((prospect) => ProspectDto.from(prospect)),
      total: page.total,
      total_is_lower_bound: page.totalIsLowerBound,
      skip: page.skip,
      limit: page.limit,
      sample_excluded: page.sampleExcluded,
    };
  }
}
