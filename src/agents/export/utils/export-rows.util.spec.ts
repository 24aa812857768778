import type { ProspectInState } from '../../prospects/prospect.types';
import { buildExportRows, EXPORT_HEADERS } from './export-rows.util';
import { readExportInput } from './export-state.util';

const ana: ProspectInState = {
  id: 'p1',
  name: 'Ana Beispiel',
  title: 'VP of Sales',
  seniority: 'vp',
  email: 'ana@beispiel.example',
  linkedin_url: 'https://www.linkedin.com/in/ana',
  company: {
    name: 'Beispiel GmbH',
    domain: 'beispiel.example',
    industry: 'Software',
    employee_count: 120,
    city: 'Berlin',
    country: 'Germany',
  },
  score: 85,
  reasons: ['Title matches (+30)', 'Country matches (+15)'],
};
const bo: ProspectInState = { id: 'p2', name: 'Bo', city: 'Hamburg', company: { name: 'Bo AG' } };

describe('buildExportRows', () => {
  it('writes one row per prospect, in order, under the headers', () => {
    const rows = buildExportRows({ prospects: [ana, bo] });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(EXPORT_HEADERS.length);
    const first = Object.fromEntries(EXPORT_HEADERS.map((header, i) => [header, rows[0][i]]));
    expect(first).toEqual({
      Name: 'Ana Beispiel',
      Title: 'VP of Sales',
      Seniority: 'vp',
      Email: 'ana@beispiel.example',
      Company: 'Beispiel GmbH',
      Domain: 'beispiel.example',
      Industry: 'Software',
      Employees: 120,
      City: 'Berlin',
      Country: 'Germany',
      LinkedIn: 'https://www.linkedin.com/in/ana',
      Score: 85,
      Reasons: 'Title matches (+30); Country matches (+15)',
      'Email subject': null,
      'Email body': null,
    });
  });

  it("prefers the prospect's city and leaves unknown cells empty", () => {
    const [row] = buildExportRows({ prospects: [bo] });
    expect(row[EXPORT_HEADERS.indexOf('City')]).toBe('Hamburg');
    expect(row[EXPORT_HEADERS.indexOf('Score')]).toBeNull();
    expect(row[EXPORT_HEADERS.indexOf('Employees')]).toBeNull();
  });

  it('puts the first draft of each prospect beside it, matched by prospect_id', () => {
    const draft = (id: string, prospect: string, subject: string) => ({
      id,
      prospect_id: prospect,
      to: 'x@example.com',
      subject,
      body: `Body of ${subject}`,
    });
    const rows = buildExportRows({
      prospects: [ana, bo],
      drafts: [
        draft('d1', 'p2', 'For Bo'),
        draft('d2', 'p1', 'For Ana'),
        draft('d3', 'p1', 'Again'),
      ],
    });
    const subject = EXPORT_HEADERS.indexOf('Email subject');
    expect(rows.map((row) => row[subject])).toEqual(['For Ana', 'For Bo']);
    expect(rows[0][subject + 1]).toBe('Body of For Ana');
  });
});

describe('readExportInput', () => {
  it('refuses a missing, empty or malformed prospects list with a clear reason', () => {
    expect(readExportInput({})).toEqual({
      ok: false,
      reason: expect.stringContaining('no "prospects"'),
    });
    expect(readExportInput({ prospects: [] })).toEqual({
      ok: false,
      reason: expect.stringContaining('empty'),
    });
    expect(readExportInput({ prospects: [ana, 'x'] })).toEqual({
      ok: false,
      reason: 'prospects[1] is not a prospect object',
    });
    expect(readExportInput({ prospects: [ana], drafts: 'x' })).toMatchObject({ ok: false });
  });

  it('keeps the drafts that name a prospect', () => {
    const input = readExportInput({
      prospects: [ana],
      drafts: [{ prospect_id: 'p1', subject: 's', body: 'b' }, { subject: 'orphan' }, null],
    });
    expect(input).toMatchObject({ ok: true, drafts: [{ prospect_id: 'p1' }] });
  });
});
