import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ProspectInput } from '../../src/agents/prospects/upsert/prospect-input.types';
import { ProspectUpsertService } from '../../src/agents/prospects/upsert/prospect-upsert.service';
import type { TestApp } from './create-test-app';

/** A first touch from a template, with the variables the email drafting fills. */
export const TEMPLATE_EMAIL = {
  type: 'email',
  subject: '{{first_name}}, a quick idea for {{company}}',
  body: 'Hi {{ first_name }},\n\nwould a pilot help {{company}}?\n\nBest, Ana',
};

/** POST /sequences of a one-touch sequence with a unique name, `body` on top; answers it. */
export async function createSequence(
  t: TestApp,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: string; name: string }> {
  const response = await request(t.server)
    .post('/sequences')
    .send({ name: `Sequence ${randomUUID().slice(0, 6)}`, steps: [TEMPLATE_EMAIL], ...body })
    .expect(201);
  return response.body;
}

/** Stores prospects (each at an address of its own unless given); answers their ids in order. */
export async function storeProspects(
  t: TestApp,
  inputs: Partial<ProspectInput>[],
): Promise<string[]> {
  const outcomes = await t.app.get(ProspectUpsertService).upsertMany(
    inputs.map((input) => {
      const tag = randomUUID().slice(0, 8);
      return {
        name: `Ola Exempel ${tag}`,
        email: `ola.${tag}@gamma.example`,
        title: 'VP of Sales',
        company: { name: 'Gamma GmbH', domain: 'gamma.example' },
        ...input,
      };
    }),
  );
  return outcomes.map((outcome) => {
    if (outcome.action === 'skipped') throw new Error(`not stored: ${outcome.reason}`);
    return outcome.id;
  });
}

/** POST /sequences/{id}/enrollments, unchecked. */
export const enrol = (t: TestApp, sequenceId: string, body: Record<string, unknown>) =>
  request(t.server).post(`/sequences/${sequenceId}/enrollments`).send(body);

/** The enrollments of a sequence by status, as GET /sequences/{id} counts them. */
export const enrollmentCounts = async (
  t: TestApp,
  sequenceId: string,
): Promise<Record<string, number>> =>
  (await request(t.server).get(`/sequences/${sequenceId}`).expect(200)).body.enrollments;
