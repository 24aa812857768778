import { parseLastEventId } from './last-event-id.util';

describe('parseLastEventId', () => {
  it('is the whole stream without the header, or with an empty one', () => {
    expect(parseLastEventId(undefined)).toEqual({ ok: true, afterId: 0 });
    expect(parseLastEventId(' ')).toEqual({ ok: true, afterId: 0 });
  });

  it('resumes after the id given', () => {
    expect(parseLastEventId('42')).toEqual({ ok: true, afterId: 42 });
    expect(parseLastEventId(' 7 ')).toEqual({ ok: true, afterId: 7 });
    expect(parseLastEventId('0')).toEqual({ ok: true, afterId: 0 });
  });

  it.each(['abc', '-1', '1.5', '1e3', '0x10', '9'.repeat(16)])(
    'refuses %s, naming the header',
    (value) => {
      const parsed = parseLastEventId(value);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : parsed.message).toMatch(/^Last-Event-ID must be/);
    },
  );

  it('refuses the header sent twice', () => {
    expect(parseLastEventId(['1', '2']).ok).toBe(false);
  });
});
