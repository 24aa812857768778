import { timeOrderedId } from '../utils/time-ordered-id.util';
import type { CompanyEntity } from '../company.entity';
import type { ProspectEntity } from '../prospect.entity';
import { nameKey } from '../utils/normalise.util';
import type { DuplicateMatch, UpsertOutcome } from './prospect-input.types';
import {
  CleanCompany,
  CleanProspect,
  mergedCompanyColumns,
  ProspectCompany,
  mergedProspectColumns,
  newCompanyColumns,
  newProspectColumns,
} from './prospect-merge.util';

/** What a batch looks stored rows up by; a store answers every row matching any of them. */
export interface LookupKeys {
  /** Companies by domain, or by lower-case name. */
  domains: string[];
  companyNames: string[];
  /** Prospects by email, LinkedIn URL, or lower-case name at one of the companies found. */
  emails: string[];
  linkedinUrls: string[];
  names: string[];
  /** Each input with a company: its lower-case name, and its company's domain and name. */
  people: { name: string; companyDomain?: string; companyName: string }[];
}

/** The stored rows a batch may merge into, oldest first. */
export interface StoredRows {
  companies: CompanyEntity[];
  prospects: ProspectEntity[];
  /** The id and name of each stored prospect's company not in `companies` (for the search text). */
  prospectCompanies?: ProspectCompany[];
}

/** What one batch writes: new rows, and the changed columns of known ones by id. */
export interface BatchWrites {
  now: Date;
  newCompanies: CompanyEntity[];
  changedCompanies: Map<string, Partial<CompanyEntity>>;
  newProspects: ProspectEntity[];
  changedProspects: Map<string, Partial<ProspectEntity>>;
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [
  ...new Set(values.filter((value): value is T => value !== undefined && value !== null)),
];

/** The keys to look the inputs' duplicates up by. */
export function lookupKeysOf(inputs: readonly CleanProspect[]): LookupKeys {
  return {
    domains: unique(inputs.map((input) => input.company?.domain)),
    companyNames: unique(inputs.map((input) => input.company?.nameKey)),
    emails: unique(inputs.map((input) => input.email)),
    linkedinUrls: unique(inputs.map((input) => input.linkedinUrl)),
    names: unique(inputs.map((input) => input.nameKey)),
    people: inputs.flatMap((input) =>
      input.company
        ? [
            {
              name: input.nameKey,
              companyDomain: input.company.domain,
              companyName: input.company.nameKey,
            },
          ]
        : [],
    ),
  };
}

/**
 * [company id, lower-case name] of each input at each stored company it may belong to: the
 * (company, name) pairs a store looks prospects up by.
 */
export function namesAtCompanies(keys: LookupKeys, companies: CompanyEntity[]): [string, string][] {
  const ids = new Map<string, string[]>();
  const add = (key: string, id: string) => ids.set(key, [...(ids.get(key) ?? []), id]);
  for (const company of companies) {
    if (company.domain) add(`d:${company.domain}`, company.id);
    add(`n:${nameKey(company.name)}`, company.id);
  }
  const pairs = new Map<string, [string, string]>();
  for (const person of keys.people) {
    const candidates = [
      ...(person.companyDomain ? (ids.get(`d:${person.companyDomain}`) ?? []) : []),
      ...(ids.get(`n:${person.companyName}`) ?? []),
    ];
    for (const id of candidates) pairs.set(`${id}\u0000${person.name}`, [id, person.name]);
  }
  return [...pairs.values()];
}

const nameAndCompany = (name: string, companyId: string | null) =>
  `${nameKey(name)}\u0000${companyId ?? ''}`;

/** The stored rows a batch may touch, with the batch's own new rows added as it goes. */
class BatchIndex {
  readonly companiesByDomain = new Map<string, CompanyEntity>();
  readonly companiesByName = new Map<string, CompanyEntity>();
  readonly byEmail = new Map<string, ProspectEntity>();
  readonly byLinkedin = new Map<string, ProspectEntity>();
  readonly byNameAndCompany = new Map<string, ProspectEntity>();
  private readonly companyNames = new Map<string, string>();

  addCompanyName(company: ProspectCompany): void {
    this.companyNames.set(company.id, company.name);
  }

  /** The name of a prospect's company: null without one, undefined when not loaded. */
  companyName(companyId: string | null): string | null | undefined {
    return companyId === null ? null : this.companyNames.get(companyId);
  }

  addCompany(company: CompanyEntity): void {
    this.addCompanyName(company);
    if (company.domain) this.companiesByDomain.set(company.domain, company);
    const key = nameKey(company.name);
    if (!this.companiesByName.has(key)) this.companiesByName.set(key, company);
  }

  addProspect(prospect: ProspectEntity): void {
    if (prospect.email) this.byEmail.set(prospect.email, prospect);
    if (prospect.linkedinUrl) this.byLinkedin.set(prospect.linkedinUrl, prospect);
    this.byNameAndCompany.set(nameAndCompany(prospect.name, prospect.companyId), prospect);
  }

  findCompany(input: CleanCompany): CompanyEntity | undefined {
    if (input.domain) {
      const byDomain = this.companiesByDomain.get(input.domain);
      if (byDomain) return byDomain;
    }
    const byName = this.companiesByName.get(input.nameKey);
    // A company of another domain with the same name is another company.
    return byName && (!byName.domain || !input.domain) ? byName : undefined;
  }

  findDuplicate(
    input: CleanProspect,
    companyId: string | null,
  ): { prospect: ProspectEntity; by: DuplicateMatch } | undefined {
    const byEmail = input.email && this.byEmail.get(input.email);
    if (byEmail) return { prospect: byEmail, by: 'email' };
    const byLinkedin = input.linkedinUrl && this.byLinkedin.get(input.linkedinUrl);
    if (byLinkedin) return { prospect: byLinkedin, by: 'linkedin_url' };
    const byName = companyId && this.byNameAndCompany.get(nameAndCompany(input.name, companyId));
    return byName ? { prospect: byName, by: 'name_and_company' } : undefined;
  }
}

/**
 * One batch's decisions, in memory: each input is inserted, or merged into a stored row or an
 * earlier input of the batch. Pure given the stored rows; the store writes `writes` after.
 */
export class UpsertBatchPlan {
  readonly writes: BatchWrites;
  private readonly index = new BatchIndex();
  private readonly newCompanies = new Set<CompanyEntity>();
  private readonly newProspects = new Set<ProspectEntity>();

  constructor(stored: StoredRows, now = new Date()) {
    stored.prospectCompanies?.forEach((company) => this.index.addCompanyName(company));
    stored.companies.forEach((company) => this.index.addCompany(company));
    stored.prospects.forEach((prospect) => this.index.addProspect(prospect));
    this.writes = {
      now,
      newCompanies: [],
      changedCompanies: new Map(),
      newProspects: [],
      changedProspects: new Map(),
    };
  }

  upsert(input: CleanProspect): UpsertOutcome {
    const company = input.company ? this.resolveCompany(input.company) : null;
    const companyId = company?.id ?? null;
    const duplicate = this.index.findDuplicate(input, companyId);
    const now = this.writes.now;
    if (!duplicate) {
      const prospect = {
        id: timeOrderedId(),
        ...newProspectColumns(input, company, now),
        createdAt: now,
        updatedAt: now,
      };
      this.newProspects.add(prospect);
      this.writes.newProspects.push(prospect);
      this.index.addProspect(prospect);
      return { action: 'inserted', id: prospect.id };
    }
    const { prospect, by } = duplicate;
    const linkedinOwner = input.linkedinUrl && this.index.byLinkedin.get(input.linkedinUrl);
    const changes = mergedProspectColumns(prospect, input, {
      companyId,
      companyName: company ? company.name : this.index.companyName(prospect.companyId),
      linkedinTaken: !!linkedinOwner && linkedinOwner !== prospect,
      now,
    });
    if (Object.keys(changes).length > 0) {
      Object.assign(prospect, changes);
      this.index.addProspect(prospect);
      if (!this.newProspects.has(prospect)) {
        mergeInto(this.writes.changedProspects, prospect.id, changes);
      }
    }
    return { action: 'updated', id: prospect.id, matchedBy: by };
  }

  private resolveCompany(input: CleanCompany): CompanyEntity {
    const known = this.index.findCompany(input);
    const now = this.writes.now;
    if (!known) {
      const company = {
        id: timeOrderedId(),
        ...newCompanyColumns(input),
        createdAt: now,
        updatedAt: now,
      };
      this.newCompanies.add(company);
      this.writes.newCompanies.push(company);
      this.index.addCompany(company);
      return company;
    }
    const changes = mergedCompanyColumns(known, input);
    if (Object.keys(changes).length > 0) {
      Object.assign(known, changes);
      this.index.addCompany(known);
      if (!this.newCompanies.has(known)) mergeInto(this.writes.changedCompanies, known.id, changes);
    }
    return known;
  }
}

function mergeInto<T>(changes: Map<string, Partial<T>>, id: string, more: Partial<T>): void {
  changes.set(id, { ...changes.get(id), ...more });
}
