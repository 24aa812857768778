import { rateLimitHeaders } from './rate-limit-headers.util';

describe('rateLimitHeaders', () => {
  it('writes one policy as structured-field items', () => {
    expect(
      rateLimitHeaders([
        { policy: 'command', limit: 5, windowSeconds: 60, remaining: 0, resetSeconds: 42 },
      ]),
    ).toEqual({ 'RateLimit-Policy': '"command";q=5;w=60', RateLimit: '"command";r=0;t=42' });
  });

  it('lists several policies in the order given', () => {
    const headers = rateLimitHeaders([
      { policy: 'default', limit: 600, windowSeconds: 60, remaining: 598, resetSeconds: 59 },
      { policy: 'command', limit: 5, windowSeconds: 60, remaining: 4, resetSeconds: 59 },
    ]);
    expect(headers['RateLimit-Policy']).toBe('"default";q=600;w=60, "command";q=5;w=60');
    expect(headers.RateLimit).toBe('"default";r=598;t=59, "command";r=4;t=59');
  });
});
