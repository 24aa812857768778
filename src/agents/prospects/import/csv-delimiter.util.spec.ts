import { PassThrough, Readable } from 'node:stream';
import { detectDelimiter, readHead } from './csv-delimiter.util';

describe('detectDelimiter', () => {
  it('picks the delimiter most frequent in the first line, outside quotes', () => {
    expect(detectDelimiter('name,email,title\nA;B;C;D;E\n')).toBe(',');
    expect(detectDelimiter('Name;E-Mail;"Titel, Rolle"\n')).toBe(';');
    expect(detectDelimiter('name\temail\ttitle')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
  });
});

describe('readHead', () => {
  it('reads up to the first line break and leaves the rest in the stream', async () => {
    const source = Readable.from([Buffer.from('a,b\n1,2\n'), Buffer.from('3,4\n')]);
    const { head, ended } = await readHead(source);
    expect({ head: head.toString(), ended }).toEqual({ head: 'a,b\n1,2\n', ended: false });
    const rest: string[] = [];
    for await (const chunk of source) rest.push(String(chunk));
    expect(rest.join('')).toBe('3,4\n');
  });

  it('says when the stream ended first', async () => {
    const { head, ended } = await readHead(Readable.from([Buffer.from('a,b')]));
    expect({ head: head.toString(), ended }).toEqual({ head: 'a,b', ended: true });
  });
});

describe('readHead of a stream that failed before it was read', () => {
  it('rejects with its error, though its data is still buffered', async () => {
    const source = new PassThrough();
    source.write('name,email\nAnna,anna@x.example\n');
    source.on('error', () => undefined);
    source.destroy(new Error('The upload is larger than 10 bytes'));
    await expect(readHead(source)).rejects.toThrow('The upload is larger than 10 bytes');
  });
});
