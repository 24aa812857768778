import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { HELMET_OPTIONS, helmetHeaders } from './security-headers';

describe('helmetHeaders', () => {
  it('equals what helmet sets on a real response', () => {
    const request = new IncomingMessage(new Socket());
    const response = new ServerResponse(request);
    response.setHeader('X-Powered-By', 'something');
    helmet(HELMET_OPTIONS)(request, response, () => undefined);
    const expected = Object.fromEntries(
      Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
    );
    expect(helmetHeaders()).toEqual(expected);
    expect(expected['x-powered-by']).toBeUndefined();
    expect(expected['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses options whose headers depend on the request', () => {
    const nonce = (req: IncomingMessage) => `'nonce-${String(req.headers['x-nonce'])}'`;
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { scriptSrc: [nonce as never] } } }),
    ).toThrow(/not static/);
  });
});
