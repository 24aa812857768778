import { GoneException, NotFoundException } from '@nestjs/common';

export class ExportNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No export with id "${id}"`);
  }
}

/** The export exists but wrote no file of that format (or is a Google Sheets export). */
export class ExportFormatNotWrittenException extends NotFoundException {
  constructor(id: string, format: string, written: string[]) {
    const has = written.length > 0 ? `it has ${written.join(', ')}` : 'it wrote no files';
    super(`Export "${id}" has no ${format} file (${has})`);
  }
}

/** The export's file was removed from EXPORT_DIR since it was written. */
export class ExportFileExpiredException extends GoneException {
  constructor(id: string, removedAt: Date) {
    super(
      `The files of export "${id}" were removed on ${removedAt.toISOString()} ` +
        '(EXPORT_RETENTION_DAYS); run the export step again (a new job)',
    );
  }
}

export class ExportFileGoneException extends GoneException {
  constructor(id: string, format: string) {
    super(
      `The ${format} file of export "${id}" is no longer on disk; run the export step again ` +
        '(POST /jobs/{id}/retry or a new job)',
    );
  }
}
