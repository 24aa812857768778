import {
  formatCost,
  formatDateTime,
  formatNumber,
  formatRelative,
  humanize,
  plural,
} from './format';

describe('format', () => {
  it('formats numbers with separators and a dash for nothing', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('shows small LLM costs with four decimals and others with two', () => {
    expect(formatCost(0.00042)).toBe('$0.0004');
    expect(formatCost(1.5)).toBe('$1.50');
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(null)).toBe('—');
  });

  it('says how long ago or how soon', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(formatRelative('2026-12-07T09:57:00Z', now)).toBe('3 min ago');
    expect(formatRelative('2026-12-07T12:00:00Z', now)).toBe('in 2 h');
    expect(formatRelative('2026-12-04T10:00:00Z', now)).toBe('3 d ago');
    expect(formatRelative('2026-12-07T10:00:02Z', now)).toBe('just now');
    expect(formatRelative('not a date', now)).toBe('—');
  });

  it('turns status codes into labels', () => {
    expect(humanize('waiting_approval')).toBe('Waiting approval');
    expect(humanize('out-of-office')).toBe('Out of office');
    expect(humanize(undefined)).toBe('—');
  });

  it('pluralises', () => {
    expect(plural(1, 'prospect')).toBe('1 prospect');
    expect(plural(1200, 'prospect')).toBe('1,200 prospects');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });

  it('formats a date-time or a dash', () => {
    expect(formatDateTime('2026-12-07T10:00:00Z')).toMatch(/2026/);
    expect(formatDateTime('')).toBe('—');
  });
});
