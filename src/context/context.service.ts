import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { QueryFailedError, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ContextEntity } from './context.entity';
import {
  ContextAlreadyExistsException,
  ContextNotFoundException,
  ContextVersionMismatchException,
  ContextWriteContentionException,
} from './exceptions/context.exceptions';
import type {
  ContextEntry,
  ContextPage,
  ListContextsQuery,
  WritePrecondition,
} from './context.types';
import { entryEtag, ifMatchSatisfied } from './utils/etag.util';
import { applyMergePatch } from './utils/json-merge-patch.util';

/** How often a read-modify-write retries after losing a race before it gives up with 409. */
const MAX_WRITE_ATTEMPTS = 50;

/**
 * The one way to read and write job contexts, for controllers and other modules alike. Every write
 * is a compare-and-swap on `version`, so concurrent writers never overwrite each other silently:
 * merge patches retry on a lost race (different keys both land), If-Match writes fail with 412.
 */
@Injectable()
export class ContextService {
  constructor(
    @InjectRepository(ContextEntity) private readonly repository: Repository<ContextEntity>,
  ) {}

  async create(input: {
    jobId?: string;
    jobType: string;
    contextData: Record<string, unknown>;
  }): Promise<ContextEntry> {
    const now = new Date();
    const entity = this.repository.create({
      jobId: input.jobId ?? randomUUID(),
      jobType: input.jobType,
      contextData: input.contextData,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.repository.insert(entity as QueryDeepPartialEntity<ContextEntity>);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ContextAlreadyExistsException(entity.jobId);
      throw error;
    }
    return toEntry(entity);
  }

  async get(jobId: string): Promise<ContextEntry> {
    return toEntry(await this.findOrThrow(jobId));
  }

  /** Replaces context_data (and job_type when given); created_at is kept. */
  replace(
    jobId: string,
    input: { contextData: Record<string, unknown>; jobType?: string },
    precondition: WritePrecondition = {},
  ): Promise<ContextEntry> {
    return this.update(jobId, precondition, (current) => ({
      contextData: input.contextData,
      jobType: input.jobType ?? current.jobType,
    }));
  }

  /** Applies a JSON Merge Patch (RFC 7386) to context_data. */
  patch(
    jobId: string,
    mergePatch: Record<string, unknown>,
    precondition: WritePrecondition = {},
  ): Promise<ContextEntry> {
    return this.update(jobId, precondition, (current) => ({
      contextData: applyMergePatch(current.contextData, mergePatch) as Record<string, unknown>,
      jobType: current.jobType,
    }));
  }

  /**
   * Read-modify-write with a compare-and-swap on version. `change` sees the latest entry and may be
   * called again when another writer got there first; it must not have side effects.
   */
  async update(
    jobId: string,
    precondition: WritePrecondition,
    change: (current: ContextEntry) => { contextData: Record<string, unknown>; jobType: string },
  ): Promise<ContextEntry> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = toEntry(await this.findOrThrow(jobId));
      if (!ifMatchSatisfied(precondition.ifMatch, current.etag)) {
        throw new ContextVersionMismatchException(jobId);
      }
      const next = change(current);
      // updated_at strictly increases, even for two writes within one millisecond.
      const updatedAt = new Date(Math.max(Date.now(), current.updatedAt.getTime() + 1));
      const result = await this.repository.update({ jobId, version: current.version }, {
        contextData: next.contextData,
        jobType: next.jobType,
        version: current.version + 1,
        updatedAt,
      } as QueryDeepPartialEntity<ContextEntity>);
      if (result.affected === 1) {
        const version = current.version + 1;
        const etag = entryEtag({ version, createdAt: current.createdAt });
        return { ...current, ...next, version, updatedAt, etag };
      }
    }
    throw new ContextWriteContentionException(jobId);
  }

  async delete(jobId: string, precondition: WritePrecondition = {}): Promise<void> {
    if (precondition.ifMatch === undefined) {
      const result = await this.repository.delete({ jobId });
      if (!result.affected) throw new ContextNotFoundException(jobId);
      return;
    }
    const current = await this.findOrThrow(jobId);
    if (!ifMatchSatisfied(precondition.ifMatch, entryEtag(current))) {
      throw new ContextVersionMismatchException(jobId);
    }
    const result = await this.repository.delete({ jobId, version: current.version });
    if (!result.affected) {
      // Another writer got there between our read and delete.
      if (await this.repository.existsBy({ jobId }))
        throw new ContextVersionMismatchException(jobId);
      throw new ContextNotFoundException(jobId);
    }
  }

  /** Newest first; ties on created_at are broken by job_id so pages never overlap. */
  async list(query: ListContextsQuery): Promise<ContextPage> {
    const [entities, total] = await this.repository.findAndCount({
      where: query.jobType ? { jobType: query.jobType } : {},
      order: { createdAt: 'DESC', jobId: 'DESC' },
      skip: query.skip,
      take: query.limit,
    });
    return { items: entities.map(toEntry), total, skip: query.skip, limit: query.limit };
  }

  private async findOrThrow(jobId: string): Promise<ContextEntity> {
    const entity = await this.repository.findOneBy({ jobId });
    if (!entity) throw new ContextNotFoundException(jobId);
    return entity;
  }
}

function toEntry(entity: ContextEntity): ContextEntry {
  return {
    jobId: entity.jobId,
    jobType: entity.jobType,
    contextData: entity.contextData,
    version: entity.version,
    etag: entryEtag(entity),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Unique-key violation on SQLite (SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE) and Postgres (23505). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string } | undefined;
  const code = driverError?.code ?? '';
  return (
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
