import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ProspectUpsertService } from '../../src/agents/prospects/upsert/prospect-upsert.service';
import type { TestApp } from '../helpers/create-test-app';
import { createReplicaApps } from '../helpers/replica-apps';

/**
 * Enrolling across replicas: racing calls on three services sharing one Postgres database,
 * each enrolling the same prospects into one of two sequences with the one-active-sequence rule,
 * never give a prospect two places (the advisory lock serialises the check and the insert; the
 * partial unique index backs it).
 */
describe('sequence enrollments across replicas (Postgres)', () => {
  let replicas: Awaited<ReturnType<typeof createReplicaApps>>;
  let apps: TestApp[];

  beforeAll(async () => {
    replicas = await createReplicaApps(3);
    apps = replicas.apps;
  });
  afterAll(() => replicas.destroy());

  async function sequence(app: TestApp): Promise<string> {
    const response = await request(app.server)
      .post('/sequences')
      .send({ name: 'Race', steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }] })
      .expect(201);
    return response.body.id as string;
  }

  it('gives each prospect exactly one active enrollment, whichever replica and sequence won', async () => {
    for (let round = 0; round < 3; round++) {
      const sequences = [await sequence(apps[0]), await sequence(apps[1])];
      const outcomes = await apps[2].app.get(ProspectUpsertService).upsertMany(
        Array.from({ length: 5 }, () => {
          const tag = randomUUID().slice(0, 8);
          return { name: `Rae Exempel ${tag}`, email: `rae.${tag}@delta.example` };
        }),
      );
      const prospects = outcomes.map((outcome) => (outcome as { id: string }).id);
      const calls = Array.from({ length: 30 }, (_, i) =>
        request(apps[i % 3].server)
          .post(`/sequences/${sequences[i % 2]}/enrollments`)
          .send({ prospect_ids: [prospects[i % 5], prospects[(i + 2) % 5]] }),
      );
      const responses = await Promise.all(calls);
      expect(responses.map((response) => response.status)).toEqual(calls.map(() => 201));
      const enrolled = responses.flatMap((response) =>
        (response.body.enrolled as { prospect_id: string }[]).map((e) => e.prospect_id),
      );
      expect(enrolled.sort()).toEqual([...prospects].sort());
      for (const response of responses) {
        for (const skip of response.body.skipped as { reason: string }[]) {
          expect(['already_enrolled', 'in_other_sequence']).toContain(skip.reason);
        }
      }
      let active = 0;
      for (const id of sequences) {
        const read = await request(apps[round % 3].server)
          .get(`/sequences/${id}`)
          .expect(200);
        active += read.body.enrollments.active as number;
      }
      expect(active).toBe(5);
    }
  });
});
