import { LineBatcher } from './line-batcher';

describe('LineBatcher', () => {
  it('hands the lines of one event-loop turn to the sink as one chunk, in order', async () => {
    const chunks: string[] = [];
    const batcher = new LineBatcher({ write: (chunk) => chunks.push(chunk) });
    batcher.write('a\n');
    batcher.write('b\n');
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    batcher.write('c\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(['a\nb\n', 'c\n']);
  });

  it('flushes on demand and writes nothing when nothing is pending', () => {
    const chunks: string[] = [];
    const batcher = new LineBatcher({ write: (chunk) => chunks.push(chunk) });
    batcher.flush();
    batcher.write('x\n');
    batcher.flush();
    batcher.flush();
    expect(chunks).toEqual(['x\n']);
  });
});
