import { SseParser, reconnectDelay } from './sse';

describe('SseParser', () => {
  it('parses messages split across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: step_started\nid: 4\nda')).toEqual([]);
    expect(parser.push('ta: {"step":0}\n\nevent: job_finished\nid: 5\ndata: {}\n\n')).toEqual([
      { event: 'step_started', id: '4', data: '{"step":0}' },
      { event: 'job_finished', id: '5', data: '{}' },
    ]);
  });

  it('ignores comments and blocks without data, joins data lines and reads CRLF', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\n')).toEqual([]);
    expect(parser.push('data: a\r\ndata: b\r\n\r\n')).toEqual([
      { event: 'message', id: undefined, data: 'a\nb' },
    ]);
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second up to ten seconds', () => {
    expect([1, 2, 3, 4, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 10_000]);
  });
});
