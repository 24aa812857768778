import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CompanyEntity } from '../company.entity';
import { ProspectEntity } from '../prospect.entity';
import { nameKey } from '../utils/normalise.util';
import {
  CleanCompany,
  CleanProspect,
  cleanProspect,
  mergedCompanyColumns,
  mergedProspectColumns,
  newCompanyColumns,
  newProspectColumns,
} from './prospect-merge.util';
import type { DuplicateMatch, ProspectInput, UpsertOutcome } from './prospect-input.types';

/** Inputs looked up and written together: bounds the IN lists and the rows of one INSERT. */
const BATCH_SIZE = 400;

/**
 * Stores prospects in bulk, merging duplicates instead of adding them: an input is the same
 * prospect as a stored one (or an earlier input) with the same email, else the same LinkedIn URL,
 * else the same name at the same company. Companies are matched by domain, else by name. The CSV
 * import and the sample data write through here.
 */
@Injectable()
export class ProspectUpsertService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction for all inputs (or the caller's); an outcome per input, in order. */
  upsertMany(inputs: readonly ProspectInput[], manager?: EntityManager): Promise<UpsertOutcome[]> {
    const run = async (em: EntityManager) => {
      const outcomes: UpsertOutcome[] = [];
      for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
        outcomes.push(...(await upsertBatch(em, inputs.slice(start, start + BATCH_SIZE))));
      }
      return outcomes;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}

/** The stored rows a batch may touch, with the batch's own new rows added as it goes. */
class BatchIndex {
  readonly companiesByDomain = new Map<string, CompanyEntity>();
  readonly companiesByName = new Map<string, CompanyEntity>();
  readonly byEmail = new Map<string, ProspectEntity>();
  readonly byLinkedin = new Map<string, ProspectEntity>();
  readonly byNameAndCompany = new Map<string, ProspectEntity>();

  addCompany(company: CompanyEntity): void {
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

const nameAndCompany = (name: string, companyId: string | null) =>
  `${nameKey(name)}\u0000${companyId ?? ''}`;

async function upsertBatch(
  em: EntityManager,
  inputs: readonly ProspectInput[],
): Promise<UpsertOutcome[]> {
  const cleaned = inputs.map(cleanProspect);
  const valid = cleaned.filter((input): input is CleanProspect => !('error' in input));
  const batch = new UpsertBatch(await loadIndex(em, valid));
  const outcomes = cleaned.map((input): UpsertOutcome =>
    'error' in input ? { action: 'skipped', reason: input.error } : batch.upsert(input),
  );
  await batch.write(em);
  return outcomes;
}

/** One batch's decisions in memory (inputs merge into earlier ones), then its writes. */
class UpsertBatch {
  private readonly now = new Date();
  private readonly newCompanies = new Set<CompanyEntity>();
  private readonly changedCompanies = new Map<string, Partial<CompanyEntity>>();
  private readonly newProspects = new Set<ProspectEntity>();
  private readonly changedProspects = new Map<string, Partial<ProspectEntity>>();

  constructor(private readonly index: BatchIndex) {}

  upsert(input: CleanProspect): UpsertOutcome {
    const companyId = input.company ? this.resolveCompany(input.company).id : null;
    const duplicate = this.index.findDuplicate(input, companyId);
    if (!duplicate) {
      const prospect = {
        id: randomUUID(),
        ...newProspectColumns(input, companyId, this.now),
        ...this.timestamps(),
      };
      this.newProspects.add(prospect);
      this.index.addProspect(prospect);
      return { action: 'inserted', id: prospect.id };
    }
    const { prospect, by } = duplicate;
    const linkedinOwner = input.linkedinUrl && this.index.byLinkedin.get(input.linkedinUrl);
    const changes = mergedProspectColumns(prospect, input, {
      companyId,
      linkedinTaken: !!linkedinOwner && linkedinOwner !== prospect,
      now: this.now,
    });
    if (Object.keys(changes).length > 0) {
      Object.assign(prospect, changes);
      this.index.addProspect(prospect);
      if (!this.newProspects.has(prospect)) mergeInto(this.changedProspects, prospect.id, changes);
    }
    return { action: 'updated', id: prospect.id, matchedBy: by };
  }

  async write(em: EntityManager): Promise<void> {
    const updatedAt = this.now;
    if (this.newCompanies.size > 0) await em.insert(CompanyEntity, [...this.newCompanies]);
    for (const [id, changes] of this.changedCompanies) {
      await em.update(CompanyEntity, id, { ...changes, updatedAt });
    }
    if (this.newProspects.size > 0) await em.insert(ProspectEntity, [...this.newProspects]);
    for (const [id, changes] of this.changedProspects) {
      await em.update(ProspectEntity, id, { ...changes, updatedAt });
    }
  }

  private resolveCompany(input: CleanCompany): CompanyEntity {
    const known = this.index.findCompany(input);
    if (!known) {
      const company = { id: randomUUID(), ...newCompanyColumns(input), ...this.timestamps() };
      this.newCompanies.add(company);
      this.index.addCompany(company);
      return company;
    }
    const changes = mergedCompanyColumns(known, input);
    if (Object.keys(changes).length > 0) {
      Object.assign(known, changes);
      this.index.addCompany(known);
      if (!this.newCompanies.has(known)) mergeInto(this.changedCompanies, known.id, changes);
    }
    return known;
  }

  private timestamps() {
    return { createdAt: this.now, updatedAt: this.now };
  }
}

function mergeInto<T>(changes: Map<string, Partial<T>>, id: string, more: Partial<T>): void {
  changes.set(id, { ...changes.get(id), ...more });
}

/** The stored companies and prospects the batch's inputs may be duplicates of. */
async function loadIndex(em: EntityManager, inputs: CleanProspect[]): Promise<BatchIndex> {
  const index = new BatchIndex();
  const companies = await findAny(em.createQueryBuilder(CompanyEntity, 'c'), [
    [
      'c.domain IN (:...domains)',
      { domains: unique(inputs.map((input) => input.company?.domain)) },
    ],
    [
      'LOWER(c.name) IN (:...names)',
      { names: unique(inputs.map((input) => input.company?.nameKey)) },
    ],
  ]);
  companies.forEach((company) => index.addCompany(company));
  const companyIds = unique(companies.map((company) => company.id));
  const names = unique(inputs.map((input) => input.nameKey));
  const prospects = await findAny(em.createQueryBuilder(ProspectEntity, 'p'), [
    ['p.email IN (:...emails)', { emails: unique(inputs.map((input) => input.email)) }],
    ['p.linkedinUrl IN (:...urls)', { urls: unique(inputs.map((input) => input.linkedinUrl)) }],
    [
      '(p.companyId IN (:...companyIds) AND LOWER(p.name) IN (:...names))',
      { companyIds, names: companyIds.length > 0 ? names : [] },
    ],
  ]);
  prospects.forEach((prospect) => index.addProspect(prospect));
  return index;
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [
  ...new Set(values.filter((value): value is T => value !== undefined && value !== null)),
];

/**
 * Rows matching any of the conditions whose lists are not empty (an empty IN list is invalid
 * SQL), oldest first; none when every list is empty.
 */
async function findAny<T extends object>(
  query: SelectQueryBuilder<T>,
  conditions: [string, Record<string, unknown[]>][],
): Promise<T[]> {
  const present = conditions.filter(([, params]) =>
    Object.values(params).every((values) => values.length > 0),
  );
  if (present.length === 0) return [];
  const alias = query.alias;
  return query
    .where(
      new Brackets((where) => {
        for (const [sql, params] of present) where.orWhere(sql, params);
      }),
    )
    .orderBy(`${alias}.createdAt`, 'ASC')
    .getMany();
}
