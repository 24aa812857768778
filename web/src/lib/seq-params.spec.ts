import { readListParams, readText, withParam } from './seq-params';

describe('seq-params', () => {
  const statuses = ['active', 'paused'] as const;

  it('reads skip and a known status, ignoring the rest', () => {
    expect(readListParams(new URLSearchParams('skip=40&status=paused'), statuses)).toEqual({
      skip: 40,
      status: 'paused',
    });
    expect(readListParams(new URLSearchParams('skip=-3&status=odd'), statuses)).toEqual({
      skip: 0,
    });
    expect(readListParams(new URLSearchParams('skip=1.5'), statuses)).toEqual({ skip: 0 });
  });

  it('reads trimmed text filters', () => {
    expect(readText(new URLSearchParams('intent=%20interested%20'), 'intent')).toBe('interested');
    expect(readText(new URLSearchParams('intent='), 'intent')).toBeUndefined();
  });

  it('sets a filter and goes back to the first page', () => {
    const next = withParam(new URLSearchParams('skip=20&kind=reply'), 'status', 'paused');
    expect(next.toString()).toBe('kind=reply&status=paused');
    expect(withParam(new URLSearchParams('status=paused'), 'status', '').toString()).toBe('');
  });

  it('pages and keeps the filters', () => {
    expect(withParam(new URLSearchParams('status=paused'), 'skip', 20).toString()).toBe(
      'status=paused&skip=20',
    );
    expect(withParam(new URLSearchParams('status=paused&skip=20'), 'skip', 0).toString()).toBe(
      'status=paused',
    );
  });
});
