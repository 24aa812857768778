import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ProspectInput } from '../src/agents/prospects/upsert/prospect-input.types';
import { EnrollmentStore } from '../src/agents/sequences/store/enrollment.store';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  createSequence as create,
  enrol as enrolIn,
  enrollmentCounts,
  storeProspects as store,
} from './helpers/sequences';

/**
 * Enrollments over HTTP (both engines): enrolling by ids and by a prospect search, each reason to
 * skip, the one-active-sequence rule (also under racing calls), and the pause/resume/stop of an
 * enrollment. The same race across replicas: postgres/sequence-enrollments-replicas.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

const createSequence = (body: Record<string, unknown> = {}) => create(t, body);
const storeProspects = (inputs: Partial<ProspectInput>[]) => store(t, inputs);
const enrol = (sequenceId: string, body: Record<string, unknown>) => enrolIn(t, sequenceId, body);
const counts = (sequenceId: string) => enrollmentCounts(t, sequenceId);

describe('enrolling prospects', () => {
  it('enrols reachable prospects by id, active at step 0 with nothing due, and skips the others by reason', async () => {
    const { id } = await createSequence();
    const [ok1, ok2, optedOut, sample, noEmail, suppressed] = await storeProspects([
      {},
      {},
      { optedOut: true },
      { isSample: true, email: `sam.${randomUUID().slice(0, 6)}@sample.example` },
      { email: undefined },
      { email: `lu@blocked-${randomUUID().slice(0, 6)}.example` },
    ]);
    const blocked = (await request(t.server).get(`/prospects/${suppressed}`)).body.email as string;
    await request(t.server)
      .post('/suppressions')
      .send({ value: blocked.split('@')[1] })
      .expect(201);
    const unknown = randomUUID();

    const response = await enrol(id, {
      prospect_ids: [ok1, unknown, optedOut, ok2, sample, noEmail, suppressed, ok1],
    }).expect(201);
    expect(response.body.enrolled).toEqual(
      [ok1, ok2].map((prospectId) => ({
        id: expect.any(String),
        sequence_id: id,
        prospect_id: prospectId,
        status: 'active',
        step_index: 0,
        next_due_at: null,
        exit_reason: null,
        exited_at: null,
        source: 'ids',
        launched_at: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })),
    );
    expect(response.body.skipped).toEqual([
      { prospect_id: unknown, reason: 'unknown_prospect', message: 'no prospect with this id' },
      { prospect_id: optedOut, reason: 'opted_out', message: 'opted out' },
      { prospect_id: sample, reason: 'sample_data', message: expect.stringContaining('sample') },
      { prospect_id: noEmail, reason: 'no_email', message: 'no email address' },
      {
        prospect_id: suppressed,
        reason: 'suppressed',
        message: `suppressed (${blocked.split('@')[1]})`,
      },
    ]);

    const again = await enrol(id, { prospect_ids: [ok2] }).expect(201);
    expect(again.body).toEqual({
      enrolled: [],
      skipped: [
        {
          prospect_id: ok2,
          reason: 'already_enrolled',
          message: 'already active or paused in this sequence',
        },
      ],
    });
    expect(await counts(id)).toMatchObject({ active: 2, total: 2 });
  });

  it('enrols every prospect a filter of GET /prospects finds', async () => {
    const { id } = await createSequence();
    const tag = `seq-${randomUUID().slice(0, 8)}`;
    const tagged = await storeProspects([
      { tags: [tag], country: 'Germany' },
      { tags: [tag], country: 'Germany' },
      { tags: [tag], country: 'Austria' },
      { tags: [tag], country: 'Germany', optedOut: true },
    ]);
    const response = await enrol(id, { filter: { tag: [tag], country: 'Germany' } }).expect(201);
    expect(
      response.body.enrolled.map((e: { prospect_id: string }) => e.prospect_id).sort(),
    ).toEqual([tagged[0], tagged[1]].sort());
    expect(response.body.enrolled[0].source).toBe('filter');
    expect(response.body.skipped).toEqual([
      { prospect_id: tagged[3], reason: 'opted_out', message: 'opted out' },
    ]);
    const none = await enrol(id, { filter: { tag: ['nobody-has-this-tag'] } }).expect(201);
    expect(none.body).toEqual({ enrolled: [], skipped: [] });
  });

  it('refuses a filter finding more than 1,000 prospects with 422, enrolling none', async () => {
    const { id } = await createSequence();
    const tag = `bulk-${randomUUID().slice(0, 8)}`;
    await storeProspects(Array.from({ length: 1001 }, () => ({ tags: [tag] })));
    const response = await enrol(id, { filter: { tag: [tag] } }).expect(422);
    expect(response.body).toMatchObject({
      error: 'too_many_prospects',
      message: expect.stringContaining(
        'The filter finds 1001 prospects; one call enrols at most 1000',
      ),
      details: { found: 1001, max: 1000 },
    });
    expect((await counts(id)).total).toBe(0);
  });

  it.each([
    ['neither ids nor a filter', {}, 'prospect_ids or filter is required'],
    [
      'both ids and a filter',
      { prospect_ids: [randomUUID()], filter: { tag: ['x'] } },
      'prospect_ids cannot be given with filter',
    ],
    ['no id', { prospect_ids: [] }, 'prospect_ids must list at least one id'],
    ['ids that are no list', { prospect_ids: 'abc' }, 'prospect_ids must be a list of UUIDs'],
    [
      'an id that is not a UUID',
      { prospect_ids: ['not-a-uuid'] },
      'prospect_ids must hold UUIDs only, not "not-a-uuid"',
    ],
    [
      '1,001 ids',
      { prospect_ids: Array.from({ length: 1001 }, () => randomUUID()) },
      'prospect_ids must list at most 1000 ids (1001 given)',
    ],
    [
      'a filter that is no object',
      { filter: 'VP Sales' },
      'filter must be an object of GET /prospects filters',
    ],
    [
      'an unknown seniority',
      { filter: { seniority: ['boss'] } },
      'filter.seniority must be one of',
    ],
    ['paging in a filter', { filter: { limit: 5 } }, 'filter.property limit should not exist'],
    [
      'a score over 100',
      { filter: { min_score: 101 } },
      'filter.min_score must not be greater than 100',
    ],
    ['no_reply', { filter: { no_reply: true } }, 'filter.no_reply needs the mailbox'],
  ])('refuses %s with 400 naming the field', async (_label, body, message) => {
    const { id } = await createSequence();
    const response = await enrol(id, body).expect(400);
    expect(response.body.message).toContain(message);
  });
});

describe('the one-active-sequence rule', () => {
  it('skips a prospect active or paused in another sequence where either has the rule on', async () => {
    const strict = await createSequence();
    const other = await createSequence();
    const loose1 = await createSequence({ settings: { one_active_sequence_per_prospect: false } });
    const loose2 = await createSequence({ settings: { one_active_sequence_per_prospect: false } });
    const [p1, p2] = await storeProspects([{}, {}]);

    await enrol(strict.id, { prospect_ids: [p1] }).expect(201);
    const blocked = await enrol(other.id, { prospect_ids: [p1] }).expect(201);
    expect(blocked.body.skipped).toEqual([
      {
        prospect_id: p1,
        reason: 'in_other_sequence',
        message: `active or paused in sequence "${strict.name}" (${strict.id}), and a prospect is in one sequence at a time`,
      },
    ]);
    // The rule of the sequence the prospect is in holds too.
    const fromLoose = await enrol(loose1.id, { prospect_ids: [p1] }).expect(201);
    expect(fromLoose.body.skipped[0].reason).toBe('in_other_sequence');

    // Two sequences without the rule share a prospect; one with it refuses them.
    await enrol(loose1.id, { prospect_ids: [p2] }).expect(201);
    const shared = await enrol(loose2.id, { prospect_ids: [p2] }).expect(201);
    expect(shared.body.enrolled).toHaveLength(1);
    const refused = await enrol(strict.id, { prospect_ids: [p2] }).expect(201);
    expect(refused.body.skipped[0].reason).toBe('in_other_sequence');
  });

  it('counts a paused enrollment as a place, and a stopped one not', async () => {
    const first = await createSequence();
    const second = await createSequence();
    const [prospect] = await storeProspects([{}]);
    const [enrollment] = (await enrol(first.id, { prospect_ids: [prospect] }).expect(201)).body
      .enrolled;
    await request(t.server).post(`/enrollments/${enrollment.id}/pause`).expect(200);
    expect((await enrol(first.id, { prospect_ids: [prospect] })).body.skipped[0].reason).toBe(
      'already_enrolled',
    );
    expect((await enrol(second.id, { prospect_ids: [prospect] })).body.skipped[0].reason).toBe(
      'in_other_sequence',
    );
    await request(t.server).post(`/enrollments/${enrollment.id}/stop`).expect(200);
    const again = await enrol(first.id, { prospect_ids: [prospect] }).expect(201);
    expect(again.body.enrolled).toHaveLength(1);
    expect(await counts(first.id)).toMatchObject({ active: 1, stopped: 1, total: 2 });
  });

  it('never gives a prospect two places under racing enrolments into two sequences', async () => {
    const sequences = [await createSequence(), await createSequence()];
    const prospects = await storeProspects([{}, {}, {}]);
    const calls = Array.from({ length: 24 }, (_, i) =>
      enrol(sequences[i % 2].id, { prospect_ids: [prospects[i % 3], prospects[(i + 1) % 3]] }),
    );
    const responses = await Promise.all(calls);
    expect(responses.map((response) => response.status)).toEqual(calls.map(() => 201));
    const enrolled = responses.flatMap((response) => response.body.enrolled);
    expect(enrolled.map((e: { prospect_id: string }) => e.prospect_id).sort()).toEqual(
      [...prospects].sort(),
    );
    const active = (await counts(sequences[0].id)).active + (await counts(sequences[1].id)).active;
    expect(active).toBe(3);
  });
});

describe('the enrollment store', () => {
  it('turns a row the unique index refuses, or a deleted prospect, into a skip', async () => {
    const { id: sequenceId } = await createSequence();
    const [kept, deleted] = await storeProspects([{}, {}]);
    await request(t.server).delete(`/prospects/${deleted}`).expect(204);
    // A plan that ignores the places held: the partial unique index is all that is left.
    const outcome = await t.app.get(EnrollmentStore).enrol({
      sequenceId,
      candidates: [kept, deleted],
      source: 'ids',
      now: new Date(),
      plan: () => ({ enrol: [kept, kept, deleted], skipped: [] }),
    });
    expect(outcome.enrolled.map((enrollment) => enrollment.prospectId)).toEqual([kept]);
    expect(outcome.skipped).toEqual([
      { prospectId: kept, reason: 'already_enrolled', message: expect.any(String) },
      { prospectId: deleted, reason: 'unknown_prospect', message: 'no prospect with this id' },
    ]);
    expect(await counts(sequenceId)).toMatchObject({ active: 1, total: 1 });
  });
});

describe('an enrollment', () => {
  async function enrollment(): Promise<{ id: string; sequenceId: string }> {
    const { id: sequenceId } = await createSequence();
    const [prospect] = await storeProspects([{}]);
    const body = (await enrol(sequenceId, { prospect_ids: [prospect] }).expect(201)).body;
    return { id: body.enrolled[0].id, sequenceId };
  }

  it('pauses, resumes and stops, each only from the statuses that allow it', async () => {
    const { id, sequenceId } = await enrollment();
    const paused = await request(t.server).post(`/enrollments/${id}/pause`).expect(200);
    expect(paused.body).toMatchObject({ id, status: 'paused', exit_reason: null });
    const again = await request(t.server).post(`/enrollments/${id}/pause`).expect(409);
    expect(again.body).toMatchObject({
      error: 'invalid_enrollment_transition',
      message: `Enrollment "${id}" is paused: only an active enrollment can be paused`,
      details: { status: 'paused' },
    });
    await request(t.server).post(`/enrollments/${id}/resume`).expect(200);
    const resumeActive = await request(t.server).post(`/enrollments/${id}/resume`).expect(409);
    expect(resumeActive.body.message).toBe(
      `Enrollment "${id}" is active: only a paused enrollment can be resumed`,
    );
    const before = Date.now();
    const stopped = await request(t.server).post(`/enrollments/${id}/stop`).expect(200);
    expect(stopped.body).toMatchObject({
      status: 'stopped',
      exit_reason: 'stopped',
      next_due_at: null,
    });
    expect(Date.parse(stopped.body.exited_at)).toBeGreaterThanOrEqual(before - 1000);
    for (const action of ['pause', 'resume', 'stop']) {
      const refused = await request(t.server).post(`/enrollments/${id}/${action}`).expect(409);
      expect(refused.body.message).toMatch(new RegExp(`^Enrollment "${id}" is stopped: only`));
    }
    expect(await counts(sequenceId)).toMatchObject({ active: 0, stopped: 1, total: 1 });
  });

  it('stops from paused', async () => {
    const { id } = await enrollment();
    await request(t.server).post(`/enrollments/${id}/pause`).expect(200);
    await request(t.server).post(`/enrollments/${id}/stop`).expect(200);
  });

  it('answers 404 for an unknown id and 400 for one that is not a UUID', async () => {
    const unknown = randomUUID();
    for (const action of ['pause', 'resume', 'stop']) {
      const response = await request(t.server)
        .post(`/enrollments/${unknown}/${action}`)
        .expect(404);
      expect(response.body).toMatchObject({
        error: 'enrollment_not_found',
        message: `No enrollment with id "${unknown}"`,
      });
      await request(t.server).post(`/enrollments/nope/${action}`).expect(400);
    }
  });

  it('is listed with its sequence, filtered by status and paged, oldest first', async () => {
    const { id: sequenceId } = await createSequence();
    const prospects = await storeProspects([{}, {}, {}]);
    const made = (await enrol(sequenceId, { prospect_ids: prospects }).expect(201)).body.enrolled;
    await request(t.server).post(`/enrollments/${made[1].id}/stop`).expect(200);
    const all = (await request(t.server).get(`/sequences/${sequenceId}/enrollments`).expect(200))
      .body;
    expect(all).toMatchObject({ total: 3, skip: 0, limit: 20 });
    const active = await request(t.server)
      .get(`/sequences/${sequenceId}/enrollments`)
      .query({ status: 'active', limit: 1, skip: 1 })
      .expect(200);
    expect(active.body).toMatchObject({ total: 2, skip: 1, limit: 1 });
    expect(active.body.items).toHaveLength(1);
    expect(active.body.items[0].status).toBe('active');
    await request(t.server)
      .get(`/sequences/${sequenceId}/enrollments`)
      .query({ status: 'gone' })
      .expect(400);
  });

  it('goes with its prospect when the prospect is deleted', async () => {
    const { sequenceId } = await enrollment();
    const listed = (await request(t.server).get(`/sequences/${sequenceId}/enrollments`)).body;
    await request(t.server).delete(`/prospects/${listed.items[0].prospect_id}`).expect(204);
    expect((await counts(sequenceId)).total).toBe(0);
  });
});
