import { LineBatcher } from './line-batcher';

/** A sink that records its chunks and finishes each write when the test says so. */
function sink() {
  const chunks: string[] = [];
  const callbacks: (() => void)[] = [];
  return {
    chunks,
    finishWrite: () => callbacks.shift()?.(),
    write: (chunk: string, done?: () => void) => {
      chunks.push(chunk);
      if (done) callbacks.push(done);
    },
  };
}

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

describe('LineBatcher with oneWriteInFlight', () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('holds the lines of later turns until the write in flight is done, then writes them as one', async () => {
    const target = sink();
    const batcher = new LineBatcher(target, { oneWriteInFlight: true });
    batcher.write('a\n');
    await turn();
    batcher.write('b\n');
    await turn();
    batcher.write('c\n');
    await turn();
    expect(target.chunks).toEqual(['a\n']);
    target.finishWrite();
    expect(target.chunks).toEqual(['a\n', 'b\nc\n']);
    target.finishWrite();
    batcher.write('d\n');
    await turn();
    expect(target.chunks).toEqual(['a\n', 'b\nc\n', 'd\n']);
  });

  it('hands everything over on flush(), in flight or not (before the file is closed)', async () => {
    const target = sink();
    const batcher = new LineBatcher(target, { oneWriteInFlight: true });
    batcher.write('a\n');
    await turn();
    batcher.write('b\n');
    batcher.flush();
    expect(target.chunks).toEqual(['a\n', 'b\n']);
    // Lines wait until both writes in flight are done, not just the first.
    batcher.write('c\n');
    target.finishWrite();
    await turn();
    expect(target.chunks).toEqual(['a\n', 'b\n']);
    target.finishWrite();
    expect(target.chunks).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('stops holding once a megabyte waits, so a stuck write cannot grow memory without bound', async () => {
    const target = sink();
    const batcher = new LineBatcher(target, { oneWriteInFlight: true });
    batcher.write('a\n');
    await turn();
    const big = 'x'.repeat(1024 * 1024) + '\n';
    batcher.write(big);
    await turn();
    expect(target.chunks).toEqual(['a\n', big]);
  });
});

describe('LineBatcher with holdMs', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gathers the lines of the whole hold, across turns, into one chunk', () => {
    const target = sink();
    const batcher = new LineBatcher(target, { holdMs: 10 });
    batcher.write('a\n');
    jest.advanceTimersByTime(5);
    batcher.write('b\n');
    jest.advanceTimersByTime(4);
    expect(target.chunks).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(target.chunks).toEqual(['a\nb\n']);
    batcher.write('c\n');
    jest.advanceTimersByTime(10);
    expect(target.chunks).toEqual(['a\nb\n', 'c\n']);
  });

  it('a write finishing during a hold does not cut it short; a hold ending during a write waits for it', () => {
    const target = sink();
    const batcher = new LineBatcher(target, { oneWriteInFlight: true, holdMs: 10 });
    batcher.write('a\n');
    jest.advanceTimersByTime(10);
    batcher.write('b\n');
    target.finishWrite();
    expect(target.chunks).toEqual(['a\n']);
    jest.advanceTimersByTime(10);
    expect(target.chunks).toEqual(['a\n', 'b\n']);
    batcher.write('c\n');
    jest.advanceTimersByTime(10);
    expect(target.chunks).toEqual(['a\n', 'b\n']);
    target.finishWrite();
    expect(target.chunks).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('flush() writes now and cancels the hold', () => {
    const target = sink();
    const batcher = new LineBatcher(target, { holdMs: 10 });
    batcher.write('a\n');
    batcher.flush();
    expect(target.chunks).toEqual(['a\n']);
    expect(jest.getTimerCount()).toBe(0);
  });
});
