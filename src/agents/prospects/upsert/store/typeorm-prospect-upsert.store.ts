import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CompanyEntity } from '../../company.entity';
import { ProspectEntity } from '../../prospect.entity';
import type { BatchWrites, LookupKeys, StoredRows } from '../prospect-upsert-plan';
import { ProspectUpsertStore, UpsertBatchWork } from './prospect-upsert.store';

/**
 * The portable backend: TypeORM query builders (IN lists, LOWER, multi-row INSERT), on a data
 * source (its own transaction) or on the caller's transaction.
 */
export class TypeOrmProspectUpsertStore extends ProspectUpsertStore {
  constructor(private readonly target: DataSource | EntityManager) {
    super();
  }

  run(batches: readonly UpsertBatchWork[]): Promise<void> {
    const work = async (em: EntityManager) => {
      for (const batch of batches) await write(em, batch.plan(await load(em, batch.keys)));
    };
    return this.target instanceof DataSource ? this.target.transaction(work) : work(this.target);
  }

  /** Postgres's autovacuum analyses changed tables by itself, and checkpoints by itself. */
  afterBulkWrite(): Promise<void> {
    return Promise.resolve();
  }
}

async function load(em: EntityManager, keys: LookupKeys): Promise<StoredRows> {
  const companies = await findAny(em.createQueryBuilder(CompanyEntity, 'c'), [
    ['c.domain IN (:...domains)', { domains: keys.domains }],
    ['LOWER(c.name) IN (:...names)', { names: keys.companyNames }],
  ]);
  const companyIds = companies.map((company) => company.id);
  const prospects = await findAny(em.createQueryBuilder(ProspectEntity, 'p'), [
    ['p.email IN (:...emails)', { emails: keys.emails }],
    ['p.linkedinUrl IN (:...urls)', { urls: keys.linkedinUrls }],
    [
      '(p.companyId IN (:...companyIds) AND LOWER(p.name) IN (:...names))',
      { companyIds, names: companyIds.length > 0 ? keys.names : [] },
    ],
  ]);
  const known = new Set(companyIds);
  const otherIds = [
    ...new Set(
      prospects.flatMap(({ companyId }) => (companyId && !known.has(companyId) ? [companyId] : [])),
    ),
  ];
  const prospectCompanies =
    otherIds.length > 0
      ? await em.find(CompanyEntity, {
          select: { id: true, name: true },
          where: { id: In(otherIds) },
        })
      : [];
  return { companies, prospects, prospectCompanies };
}

async function write(em: EntityManager, writes: BatchWrites): Promise<void> {
  const updatedAt = writes.now;
  // updateEntity(false): the rows are complete, so no read-back of defaults after the insert.
  if (writes.newCompanies.length > 0) {
    await em
      .createQueryBuilder()
      .insert()
      .into(CompanyEntity)
      .values(writes.newCompanies)
      .updateEntity(false)
      .execute();
  }
  for (const [id, changes] of writes.changedCompanies) {
    await em.update(CompanyEntity, id, { ...changes, updatedAt });
  }
  if (writes.newProspects.length > 0) {
    await em
      .createQueryBuilder()
      .insert()
      .into(ProspectEntity)
      .values(writes.newProspects)
      .updateEntity(false)
      .execute();
  }
  for (const [id, changes] of writes.changedProspects) {
    await em.update(ProspectEntity, id, { ...changes, updatedAt });
  }
}

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
