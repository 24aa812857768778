import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import type { DraftInState } from '../../src/agents/email/email-state.types';
import { OutboxService } from '../../src/agents/email/outbox.service';
import type { ProspectInState } from '../../src/agents/prospects/prospect.types';
import type { TestApp } from './create-test-app';

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

/**
 * Stores `exportDrafts` in the outbox, as an email.draft step of another job would, and answers
 * them with their outbox ids: an export shows a draft only as the outbox holds it.
 */
export async function storeExportDrafts(app: TestApp): Promise<DraftInState[]> {
  const jobId = `fixture-${randomUUID()}`;
  const rows = await app.app.get(OutboxService).saveDrafts({
    jobId,
    stepKey: `${jobId}:0`,
    drafts: exportDrafts.map((draft) => ({
      prospectId: draft.prospect_id,
      to: draft.to,
      name: draft.name ?? null,
      subject: draft.subject,
      body: draft.body,
    })),
  });
  return rows.map((row) => ({
    id: row.id,
    prospect_id: row.prospectId,
    to: row.to,
    subject: row.subject,
    body: row.body,
  }));
}

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
