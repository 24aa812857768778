import { contentDisposition, downloadFileName, storedFileName } from './export-file-name.util';

describe('downloadFileName', () => {
  const date = new Date('2026-12-03T10:00:00Z');

  it('names the job and the day', () => {
    expect(
      downloadFileName({ jobId: '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55', date, format: 'xlsx' }),
    ).toBe('zigral-3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55-2026-12-03.xlsx');
  });

  it('keeps only safe characters of the job id, and bounds its length', () => {
    expect(downloadFileName({ jobId: 'a.b:c', date, format: 'csv' })).toBe(
      'zigral-a-b-c-2026-12-03.csv',
    );
    expect(downloadFileName({ jobId: '..:..', date, format: 'csv' })).toBe(
      'zigral-job-2026-12-03.csv',
    );
    const long = downloadFileName({ jobId: 'x'.repeat(128), date, format: 'csv' });
    expect(long).toBe(`zigral-${'x'.repeat(60)}-2026-12-03.csv`);
  });
});

describe('storedFileName', () => {
  it('is the export id with the format', () => {
    expect(storedFileName('3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55', 'csv')).toBe(
      '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55.csv',
    );
  });

  it('refuses anything but an id', () => {
    expect(() => storedFileName('../../etc/passwd-000000000000000000000', 'csv')).toThrow();
  });
});

describe('contentDisposition', () => {
  it('quotes a safe name as is', () => {
    expect(contentDisposition('zigral-job-2026-12-03.xlsx')).toBe(
      'attachment; filename="zigral-job-2026-12-03.xlsx"',
    );
  });

  it('replaces quotes, backslashes and line breaks, and adds filename* for other characters', () => {
    expect(contentDisposition('a"b\\c\r\n.csv')).toBe('attachment; filename="a_b_c__.csv"');
    expect(contentDisposition('Müller.csv')).toBe(
      'attachment; filename="M_ller.csv"; filename*=UTF-8\'\'M%C3%BCller.csv',
    );
  });
});
