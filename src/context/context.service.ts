import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
import { ContextRecord, ContextStore } from './store/context-store';
import { nextRevision } from './utils/context-revision.util';
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
  constructor(private readonly store: ContextStore) {}

  async create(input: {
    jobId?: string;
    jobType: string;
    contextData: Record<string, unknown>;
  }): Promise<ContextEntry> {
    const now = new Date();
    const record: ContextRecord = {
      jobId: input.jobId ?? randomUUID(),
      jobType: input.jobType,
      contextData: input.contextData,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.store.insert(record))) throw new ContextAlreadyExistsException(record.jobId);
    return toEntry(record);
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

  /**
   * Applies a JSON Merge Patch (RFC 7386) to context_data. Without If-Match, the store does it
   * in one atomic step; with it, read, check, merge and compare-and-swap.
   */
  async patch(
    jobId: string,
    mergePatch: Record<string, unknown>,
    precondition: WritePrecondition = {},
  ): Promise<ContextEntry> {
    if (precondition.ifMatch === undefined) {
      const patched = await this.store.mergePatch(jobId, mergePatch, new Date());
      if (patched === undefined) throw new ContextNotFoundException(jobId);
      return toEntry(patched);
    }
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
      const { version, updatedAt } = nextRevision(current, new Date());
      if (await this.store.swap(jobId, current, { ...next, version, updatedAt })) {
        const etag = entryEtag({ version, createdAt: current.createdAt });
        return { ...current, ...next, version, updatedAt, etag };
      }
    }
    throw new ContextWriteContentionException(jobId);
  }

  async delete(jobId: string, precondition: WritePrecondition = {}): Promise<void> {
    if (precondition.ifMatch === undefined) {
      if (!(await this.store.delete(jobId))) throw new ContextNotFoundException(jobId);
      return;
    }
    const current = await this.findOrThrow(jobId);
    if (!ifMatchSatisfied(precondition.ifMatch, entryEtag(current))) {
      throw new ContextVersionMismatchException(jobId);
    }
    if (!(await this.store.delete(jobId, current))) {
      // Another writer got there between our read and delete.
      if (await this.store.find(jobId)) throw new ContextVersionMismatchException(jobId);
      throw new ContextNotFoundException(jobId);
    }
  }

  /** Newest first; ties on created_at are broken by job_id so pages never overlap. */
  async list(query: ListContextsQuery): Promise<ContextPage> {
    const { records, total } = await this.store.list(query);
    return { items: records.map(toEntry), total, skip: query.skip, limit: query.limit };
  }

  private async findOrThrow(jobId: string): Promise<ContextRecord> {
    const record = await this.store.find(jobId);
    if (!record) throw new ContextNotFoundException(jobId);
    return record;
  }
}

function toEntry(record: ContextRecord): ContextEntry {
  return { ...record, etag: entryEtag(record) };
}
