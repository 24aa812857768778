import { createSecretScrubber } from './secret-scrubber';

describe('createSecretScrubber', () => {
  it('replaces every occurrence of each secret', () => {
    const scrub = createSecretScrubber(['key-one', 'key-two']);
    expect(scrub('{"msg":"key-one and key-two and key-one"}')).toBe(
      '{"msg":"[REDACTED] and [REDACTED] and [REDACTED]"}',
    );
  });

  it('matches a secret as it appears JSON-escaped in the line', () => {
    const secret = 'we"ird\\key';
    const line = JSON.stringify({ msg: `token ${secret}` });
    expect(createSecretScrubber([secret])(line)).toBe('{"msg":"token [REDACTED]"}');
  });

  it('redacts the longer of two overlapping secrets whole', () => {
    const scrub = createSecretScrubber(['abcd', 'abcdefgh']);
    expect(scrub('x abcdefgh y')).toBe('x [REDACTED] y');
  });

  it('leaves lines alone when no secret is configured', () => {
    expect(createSecretScrubber([])('{"msg":"hello"}')).toBe('{"msg":"hello"}');
  });
});
