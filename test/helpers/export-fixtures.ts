import request from 'supertest';
import type { Response } from 'supertest';
import type { DraftInState } from '../../src/agents/email/email-state.types';
import type { ProspectInState } from '../../src/agents/prospects/prospect.types';

/** Prospects with scores (one named like a formula) and drafts for two of them. */
export const exportProspects: ProspectInState[] = [
  {
    id: 'p1',
    name: 'Ana Beispiel',
    title: 'VP of Sales, DACH',
    seniority: 'vp',
    email: 'ana@beispiel.example',
    city: 'Berlin',
    country: 'Germany',
    company: {
      name: 'Beispiel "Cloud" GmbH',
      domain: 'beispiel.example',
      industry: 'Software',
      employee_count: 120,
    },
    score: 92,
    reasons: ['Title matches "VP of Sales" (+30)', 'Country matches (+15)'],
  },
  {
    id: 'p2',
    name: '=HYPERLINK("http://evil.example","click")',
    title: '+49 Head of Growth',
    email: 'mallory@evil.example',
    company: { name: '@Evil Corp', domain: 'evil.example', industry: 'Software' },
    score: 55,
    reasons: ['Industry matches (+15)'],
  },
  {
    id: 'p3',
    name: 'Chloé Müller',
    title: 'Director of Sales',
    company: { name: 'Zürich AG', country: 'Switzerland', employee_count: 300 },
  },
];

export const exportDrafts: DraftInState[] = [
  {
    id: 'd1',
    prospect_id: 'p1',
    to: 'ana@beispiel.example',
    name: 'Ana Beispiel',
    subject: 'Quick idea for Beispiel',
    body: 'Hi Ana,\n\nA short note, "quoted", with a comma.\n\nBest',
  },
  {
    id: 'd3',
    prospect_id: 'p3',
    to: 'chloe@zuerich.example',
    subject: 'Grüezi Chloé',
    body: 'Hallo Chloé',
  },
];

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Downloads a file of an export. */
export function download(server: Parameters<typeof request>[0], url: string) {
  return request(server).get(url).buffer(true).parse(binary);
}
