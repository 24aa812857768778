import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  ExportFileExpiredException,
  ExportFileGoneException,
  ExportFormatNotWrittenException,
  ExportNotFoundException,
} from './exceptions/exports.exceptions';
import { ExportEntity, ExportKind } from './export.entity';
import { ExportFileStore, OpenedExportFile } from './export-file.store';
import { CONTENT_TYPES, ExportFormat } from './utils/export-file-name.util';

/** A file ready to stream to a client. */
export interface ExportDownload {
  file: OpenedExportFile;
  contentType: string;
  fileName: string;
}

export interface ExportPage {
  items: ExportEntity[];
  total: number;
  skip: number;
  limit: number;
}

/** The exports table: one row per export step, found again by the step's idempotency key. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectRepository(ExportEntity) private readonly exports: Repository<ExportEntity>,
    private readonly files: ExportFileStore,
  ) {}

  async list(input: { jobId?: string; skip: number; limit: number }): Promise<ExportPage> {
    const [items, total] = await this.exports.findAndCount({
      where: input.jobId ? { jobId: input.jobId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: input.skip,
      take: input.limit,
    });
    return { items, total, skip: input.skip, limit: input.limit };
  }

  async get(id: string): Promise<ExportEntity> {
    const found = await this.exports.findOneBy({ id });
    if (!found) throw new ExportNotFoundException(id);
    return found;
  }

  /**
   * The export of a step: its row when the step ran before (a re-run after a crash or a
   * retry), else a new `pending` one.
   */
  async begin(input: {
    jobId: string;
    idempotencyKey: string;
    kind: ExportKind;
  }): Promise<ExportEntity> {
    const existing = await this.exports.findOneBy({ idempotencyKey: input.idempotencyKey });
    if (existing) {
      if (existing.kind !== input.kind) {
        throw new Error(
          `Export ${existing.id} of step ${input.idempotencyKey} is not ${input.kind}`,
        );
      }
      return existing;
    }
    const now = new Date();
    const created = this.exports.create({
      id: randomUUID(),
      jobId: input.jobId,
      idempotencyKey: input.idempotencyKey,
      kind: input.kind,
      status: 'pending',
      rowCount: 0,
      files: [],
      spreadsheetId: null,
      sheetRange: null,
      filesRemovedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return this.exports.save(created);
  }

  async finish(
    record: ExportEntity,
    changes: Partial<Pick<ExportEntity, 'files' | 'rowCount' | 'spreadsheetId' | 'sheetRange'>>,
  ): Promise<ExportEntity> {
    Object.assign(record, changes, { status: 'done', updatedAt: new Date() });
    return this.exports.save(record);
  }

  /** A written file of an export: the requested format, or the first one written. */
  async openDownload(id: string, format?: ExportFormat): Promise<ExportDownload> {
    const record = await this.get(id);
    const written = record.files.map((file) => file.format);
    const file = format ? record.files.find((f) => f.format === format) : record.files[0];
    if (!file) throw new ExportFormatNotWrittenException(id, format ?? 'spreadsheet', written);
    if (record.filesRemovedAt) throw new ExportFileExpiredException(id, record.filesRemovedAt);
    const opened = await this.files.open(file.stored_name);
    if (!opened) throw new ExportFileGoneException(id, file.format);
    return { file: opened, contentType: CONTENT_TYPES[file.format], fileName: file.file_name };
  }
}
