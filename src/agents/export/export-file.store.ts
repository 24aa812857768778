import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { FileHandle, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';

/** A file being written in parts: `commit` puts it in place (atomically), `discard` drops it. */
export interface TemporaryExportFile {
  path: string;
  /** Renames it to its name; answers its size in bytes. */
  commit(): Promise<number>;
  discard(): Promise<void>;
}

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

  /**
   * A temporary file beside `name` for a writer that streams (a large export): readers keep
   * seeing the old file, or none, until `commit` renames it into place.
   */
  async temporary(name: string): Promise<TemporaryExportFile> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `.${name}.${randomUUID()}.tmp`);
    const target = join(this.dir, name);
    return {
      path,
      commit: async () => {
        const { size } = await stat(path);
        await rename(path, target);
        return size;
      },
      discard: () => rm(path, { force: true }),
    };
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
