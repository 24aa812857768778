import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  ImportIdTakenException,
  ImportNotFoundException,
  ImportNotRunningException,
} from '../../exceptions/csv-import.exceptions';
import { ImportProgressStore } from './import-progress.store';
import { IMPORT_LEASE_MS, ImportTracker } from './import-tracker';
import { ProspectImportEntity } from './prospect-import.entity';

/** Why a running import whose lease passed is marked interrupted. */
const LEFT_BEHIND =
  'The service stopped during the import (a restart or a crash); the batches written before ' +
  'it are kept: send the file again to import the rest (duplicates merge)';

/**
 * The imports of every replica, as `prospect_imports` records them: begins one (a tracker for
 * the import), shows and lists them, and cancels one (here at once, elsewhere at its next save).
 * A running import whose lease passed (its process stopped) is marked `interrupted` at start-up
 * and before every read.
 */
@Injectable()
export class ImportProgressService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** The imports running in this process. */
  private readonly running = new Map<string, ImportTracker>();

  constructor(
    private readonly store: ImportProgressStore,
    @InjectRepository(ProspectImportEntity)
    private readonly imports: Repository<ProspectImportEntity>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
  }

  /** The imports of this process stop (answering their clients) and are marked interrupted. */
  beforeApplicationShutdown(): void {
    for (const tracker of this.running.values()) tracker.stop('shutdown');
  }

  /** Records a new running import, under the client's id or a new one; 409 when it is taken. */
  async begin(source: string, id: string = randomUUID()): Promise<ImportTracker> {
    const now = new Date();
    const tracker = new ImportTracker(id, this.store, () => new Date());
    const created = await this.store.create(id, source, now, leaseFrom(now));
    if (!created) throw new ImportIdTakenException(id);
    this.running.set(id, tracker);
    return tracker;
  }

  /** The import ended (see ImportTracker.finish); it is no longer this process's. */
  async end(
    tracker: ImportTracker,
    status: 'completed' | 'cancelled' | 'failed' | 'interrupted',
    error?: string,
  ): Promise<void> {
    this.running.delete(tracker.id);
    await tracker.finish(status, error);
  }

  async get(id: string): Promise<ProspectImportEntity> {
    await this.sweep();
    const found = await this.imports.findOneBy({ id });
    if (!found) throw new ImportNotFoundException(id);
    return found;
  }

  /** The latest imports, newest first: `limit` of them after `skip`. */
  async list(skip: number, limit: number): Promise<ProspectImportEntity[]> {
    await this.sweep();
    return this.imports.find({ order: { startedAt: 'DESC', id: 'ASC' }, skip, take: limit });
  }

  /**
   * Asks a running import to stop after the batch it is writing; answers it as it is now. 404
   * for an unknown id, 409 when it has already ended.
   */
  async cancel(id: string): Promise<ProspectImportEntity> {
    const accepted = await this.store.requestCancel(id, new Date());
    if (!accepted) {
      const found = await this.get(id);
      throw new ImportNotRunningException(id, found.status);
    }
    this.running.get(id)?.stop('cancelled');
    return this.get(id);
  }

  private sweep(): Promise<number> {
    return this.store.markInterrupted(new Date(), LEFT_BEHIND);
  }
}

const leaseFrom = (now: Date) => new Date(now.getTime() + IMPORT_LEASE_MS);
