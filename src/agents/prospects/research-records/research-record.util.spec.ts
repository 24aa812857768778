import { storedFit, storedSummary } from './research-record.util';

describe('storedFit', () => {
  it('keeps a whole score from 0 to 100 and the non-empty reasons', () => {
    expect(
      storedFit({ score: 83.6, reasons: [' Title matches (+30) ', '', 'Country (+15)'] }),
    ).toEqual({ score: 84, reasons: ['Title matches (+30)', 'Country (+15)'] });
    expect(storedFit({ score: 140, reasons: [] })).toEqual({ score: 100, reasons: [] });
    expect(storedFit({ score: -3, reasons: [] })).toEqual({ score: 0, reasons: [] });
  });

  it('bounds the reasons', () => {
    const reasons = Array.from({ length: 12 }, (_, index) => `${index}`.repeat(400));
    const fit = storedFit({ score: 50, reasons })!;
    expect(fit.reasons).toHaveLength(10);
    expect(fit.reasons[0]).toHaveLength(300);
  });

  it('keeps nothing without a numeric score', () => {
    expect(storedFit({ score: Number.NaN, reasons: [] })).toBeUndefined();
    expect(storedFit({ score: '70' as unknown as number, reasons: [] })).toBeUndefined();
  });
});

describe('storedSummary', () => {
  it('takes the domain as companies keep it, and a trimmed summary', () => {
    expect(storedSummary({ domain: 'WWW.Acme.example', summary: ' Payroll for teams. ' })).toEqual({
      domain: 'acme.example',
      summary: 'Payroll for teams.',
    });
    expect(
      storedSummary({ domain: 'acme.example', summary: 'x'.repeat(3000) })!.summary,
    ).toHaveLength(2000);
  });

  it('keeps nothing without a domain or a summary', () => {
    expect(storedSummary({ domain: '', summary: 'Payroll' })).toBeUndefined();
    expect(storedSummary({ domain: 'acme.example', summary: '  ' })).toBeUndefined();
  });
});
