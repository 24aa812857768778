import { QueryFailedError, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ListContextsQuery } from '../context.types';
import { ContextEntity } from '../context.entity';
import { ContextRecord, ContextRecordUpdate, ContextStore, ExpectedRecord } from './context-store';

/** The portable backend: TypeORM's repository API, on SQLite or Postgres alike. */
export class TypeOrmContextStore extends ContextStore {
  constructor(private readonly repository: Repository<ContextEntity>) {
    super();
  }

  async find(jobId: string): Promise<ContextRecord | undefined> {
    return (await this.repository.findOneBy({ jobId })) ?? undefined;
  }

  async insert(record: ContextRecord): Promise<boolean> {
    try {
      await this.repository.insert(record as QueryDeepPartialEntity<ContextEntity>);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async swap(jobId: string, expected: ExpectedRecord, next: ContextRecordUpdate): Promise<boolean> {
    const result = await this.repository.update(
      { jobId, version: expected.version, createdAt: expected.createdAt },
      next as QueryDeepPartialEntity<ContextEntity>,
    );
    return result.affected === 1;
  }

  async delete(jobId: string, expected?: ExpectedRecord): Promise<boolean> {
    const where =
      expected === undefined
        ? { jobId }
        : { jobId, version: expected.version, createdAt: expected.createdAt };
    return ((await this.repository.delete(where)).affected ?? 0) > 0;
  }

  async list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }> {
    const [records, total] = await this.repository.findAndCount({
      where: query.jobType ? { jobType: query.jobType } : {},
      order: { createdAt: 'DESC', jobId: 'DESC' },
      skip: query.skip,
      take: query.limit,
    });
    return { records, total };
  }
}

/** Unique-key violation on SQLite (SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE) and Postgres (23505). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
