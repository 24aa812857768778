import type { ProspectInState } from '../../prospects/prospect.types';
import { buildExportRows, EXPORT_HEADERS, ExportDraft } from './export-rows.util';
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
      'Email status': null,
      'Sent at': null,
      'Do not email': null,
    });
  });

  it("prefers the prospect's city and leaves unknown cells empty", () => {
    const [row] = buildExportRows({ prospects: [bo] });
    expect(row[EXPORT_HEADERS.indexOf('City')]).toBe('Hamburg');
    expect(row[EXPORT_HEADERS.indexOf('Score')]).toBeNull();
    expect(row[EXPORT_HEADERS.indexOf('Employees')]).toBeNull();
  });

  it('puts the first draft of each prospect beside it, matched by prospect id', () => {
    const draft = (prospectId: string, subject: string): ExportDraft => ({
      prospectId,
      subject,
      body: `Body of ${subject}`,
      status: 'draft',
      sentAt: null,
    });
    const rows = buildExportRows({
      prospects: [ana, bo],
      drafts: [draft('p2', 'For Bo'), draft('p1', 'For Ana'), draft('p1', 'Again')],
    });
    const subject = EXPORT_HEADERS.indexOf('Email subject');
    expect(rows.map((row) => row[subject])).toEqual(['For Ana', 'For Bo']);
    expect(rows[0][subject + 1]).toBe('Body of For Ana');
  });

  it("shows each email's status and sending time, and who must not be emailed", () => {
    const rows = buildExportRows({
      prospects: [ana, bo],
      drafts: [
        {
          prospectId: 'p1',
          subject: 'Hi',
          body: 'Hello',
          status: 'sent',
          sentAt: new Date('2026-12-03T10:00:00Z'),
        },
      ],
      doNotEmail: new Map([['p2', 'suppressed (bo.example)']]),
    });
    const cells = (header: string) => rows.map((row) => row[EXPORT_HEADERS.indexOf(header)]);
    expect(EXPORT_HEADERS.slice(-3)).toEqual(['Email status', 'Sent at', 'Do not email']);
    expect(cells('Email status')).toEqual(['sent', null]);
    expect(cells('Sent at')).toEqual(['2026-12-03T10:00:00.000Z', null]);
    expect(cells('Do not email')).toEqual([null, 'suppressed (bo.example)']);
  });
});

describe('readExportInput', () => {
  it('refuses a missing or malformed prospects list with a clear reason', () => {
    expect(readExportInput({})).toEqual({
      ok: false,
      reason: expect.stringContaining('no "prospects"'),
    });
    expect(readExportInput({ prospects: 'nobody' })).toEqual({
      ok: false,
      reason: expect.stringContaining('"prospects" is not a list'),
    });
    expect(readExportInput({ prospects: [ana, 'x'] })).toEqual({
      ok: false,
      reason: 'prospects[1] is not a prospect object',
    });
    expect(readExportInput({ prospects: [ana], drafts: 'x' })).toMatchObject({ ok: false });
  });

  it('takes an empty prospects list: nothing to export is not an error', () => {
    expect(readExportInput({ prospects: [] })).toEqual({ ok: true, prospects: [], drafts: [] });
  });

  it('keeps the drafts that name a prospect', () => {
    const input = readExportInput({
      prospects: [ana],
      drafts: [{ prospect_id: 'p1', subject: 's', body: 'b' }, { subject: 'orphan' }, null],
    });
    expect(input).toMatchObject({ ok: true, drafts: [{ prospect_id: 'p1' }] });
  });
});
