import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { FileHandle, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';

/** An export file opened for download. */
export interface OpenedExportFile {
  stream: ReadStream;
  size: number;
}

/**
 * The export files under EXPORT_DIR (created on first write). Names come from
 * `storedFileName` (an export id and a format), never from a request.
 */
@Injectable()
export class ExportFileStore {
  private readonly dir: string;

  constructor(config: AppConfig) {
    this.dir = resolve(config.exports.dir);
  }

  /** Writes (or replaces) a file atomically: a reader sees the old file or the new one. */
  async write(name: string, data: Buffer | string): Promise<number> {
    await mkdir(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${name}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, data);
      await rename(temporary, join(this.dir, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }

  /** Opens a file for reading; undefined when it is no longer there. */
  async open(name: string): Promise<OpenedExportFile | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(join(this.dir, name), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      // The stream closes the handle when it ends or is destroyed.
      return { stream: handle.createReadStream(), size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await rm(join(this.dir, name), { force: true });
  }
}
