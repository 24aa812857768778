import multipart, { type MultipartFields } from '@fastify/multipart';
import { applyDecorators } from '@nestjs/common';
import { NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { clientError } from './json-body';

/** Content types of an uploaded CSV sent as the body itself. */
const CSV_TYPES = ['text/csv', 'application/csv'];
/** Room for the multipart envelope around the file (boundaries, part headers, small fields). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Marks a route that takes an upload (a `text/csv` body or a multipart file) as a stream, read as
 * it arrives: BODY_LIMIT does not apply, the route's own byte limit does. Other routes refuse
 * these content types with 415, as before.
 */
export const AcceptsUploads = () => applyDecorators(RouteConfig({ acceptsUploads: true }));

const isUploadRoute = (request: FastifyRequest) =>
  (request.routeOptions.config as { acceptsUploads?: boolean } | undefined)?.acceptsUploads ===
  true;

const notAnUpload = (type: string | undefined) =>
  clientError(
    415,
    `Send the CSV as a text/csv body or as a multipart/form-data file in the field "file"` +
      (type ? `, not ${type}` : ''),
  );

const tooLarge = (limitBytes: number) =>
  clientError(413, `The upload is larger than ${limitBytes} bytes (IMPORT_MAX_BYTES)`);

/**
 * Counts bytes through and fails with 413 past `limitBytes`. The request is left as it is (not
 * destroyed), so the error answer can still be sent; the connection closes after it.
 */
export class ByteLimitStream extends Transform {
  private seen = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limitBytes) return callback(tooLarge(this.limitBytes));
    callback(null, chunk);
  }
}

/** `source` through a byte limit; an error of the source (a client abort) is passed on as a 400. */
function limited(source: Readable, limitBytes: number): Readable {
  const limiter = new ByteLimitStream(limitBytes);
  source.once('error', (error) =>
    limiter.destroy(clientError(400, `The upload ended early: ${error.message}`)),
  );
  limiter.once('error', () => source.unpipe(limiter));
  return source.pipe(limiter);
}

/**
 * Teaches the app to take uploads on routes marked `@AcceptsUploads()`: a `text/csv` body is
 * handed to the route as a stream, and multipart bodies are parsed lazily by @fastify/multipart.
 * A Content-Length over the limit is refused with 413 before anything is read.
 */
export async function registerUploadBodies(
  app: NestFastifyApplication,
  limitBytes: number,
): Promise<void> {
  await app.register(multipart, {
    // One byte over the limit reaches ByteLimitStream, which answers 413 in the API's words.
    limits: { fileSize: limitBytes + 1, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
    throwFileSizeLimit: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const isUpload = type === 'multipart/form-data' || CSV_TYPES.includes(type);
    if (!isUpload) {
      const refused = type && isUploadRoute(request);
      return refused ? done(notAnUpload(type), undefined) : done(null, payload);
    }
    // The rest of an upload that is refused is not read: close the connection after the answer.
    reply.raw.once('finish', () => {
      if (!request.raw.complete) request.raw.socket?.end();
    });
    if (!isUploadRoute(request)) {
      return done(clientError(415, `Unsupported Media Type: ${type}`), undefined);
    }
    const length = Number(request.headers['content-length']);
    const slack = type === 'multipart/form-data' ? MULTIPART_OVERHEAD_BYTES : 0;
    if (length > limitBytes + slack) return done(tooLarge(limitBytes), undefined);
    done(null, payload);
  });
}

/** An upload: the file as a byte stream, and the text fields a multipart form sent before it. */
export interface Upload {
  file: Readable;
  /**
   * Each text field that came before the file, by name (every value, in order); empty for a
   * `text/csv` body. Fields after the file are not read: the file is streamed first.
   */
  fields: Record<string, string[]>;
}

/**
 * The uploaded CSV of a request: the body of a `text/csv` request, or the file of a multipart
 * one (field `file`) with the form's text fields before it. 400/415 when there is none.
 */
export async function openUploadedFile(
  request: FastifyRequest,
  limitBytes: number,
  field = 'file',
): Promise<Upload> {
  if (request.body instanceof Readable)
    return { file: limited(request.body, limitBytes), fields: {} };
  if (!request.isMultipart()) throw notAnUpload(request.headers['content-type']?.split(';')[0]);
  const part = await request.file().catch((error: Error & { statusCode?: number }) => {
    // busboy's own errors (no boundary, a body that ends before its closing boundary) are the
    // client's; errors that already carry a 4xx status keep it.
    if (error.statusCode && error.statusCode < 500) throw error;
    throw clientError(400, `The multipart body is malformed: ${error.message}`);
  });
  if (!part)
    throw clientError(400, `The multipart body has no file: send it in the field "${field}"`);
  if (part.fieldname !== field) {
    part.file.resume();
    throw clientError(400, `The file must be in the field "${field}", not "${part.fieldname}"`);
  }
  return { file: limited(part.file, limitBytes), fields: textFields(part.fields) };
}

function textFields(fields: MultipartFields): Record<string, string[]> {
  const text = new Map<string, string[]>();
  for (const part of Object.values(fields).flat()) {
    if (part?.type !== 'field' || typeof part.value !== 'string') continue;
    text.set(part.fieldname, [...(text.get(part.fieldname) ?? []), part.value]);
  }
  return Object.fromEntries(text);
}
