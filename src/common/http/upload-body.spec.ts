import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ByteLimitStream, openUploadedFile } from './upload-body';

async function drain(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('ByteLimitStream', () => {
  it('passes bytes through up to the limit', async () => {
    const source = Readable.from([Buffer.from('12345'), Buffer.from('67890')]);
    expect(await drain(source.pipe(new ByteLimitStream(10)))).toBe('1234567890');
  });

  it('fails with 413, naming the limit, one byte past it', async () => {
    const source = Readable.from([Buffer.from('12345'), Buffer.from('678901')]);
    await expect(drain(source.pipe(new ByteLimitStream(10)))).rejects.toMatchObject({
      statusCode: 413,
      message: 'The upload is larger than 10 bytes (IMPORT_MAX_BYTES)',
    });
  });
});

describe('openUploadedFile', () => {
  it('answers 400, not 500, when the client stops sending mid-upload', async () => {
    const body = new Readable({ read() {} });
    const { file: stream, fields } = await openUploadedFile(
      { body } as unknown as FastifyRequest,
      1024,
    );
    expect(fields).toEqual({});
    const failure = new Promise((resolve) => stream.once('error', resolve));
    body.destroy(new Error('aborted'));
    await expect(failure).resolves.toMatchObject({
      statusCode: 400,
      message: 'The upload ended early: aborted',
    });
  });
});
