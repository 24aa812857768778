import type { OutboxMessageEntity } from '../../email/outbox-message.entity';
import type { NewTouch } from '../../email/outbox-touch.types';
import type { OutboxService } from '../../email/outbox.service';
import type { ProspectInState } from '../../prospects/prospect.types';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { DEFAULT_SETTINGS, type SequenceStep } from '../sequence.types';
import { TouchBatch } from './touch-batch.service';
import type { TouchComposer } from './touch-composer.service';

const steps: SequenceStep[] = [
  { type: 'email', subject: 'Hello', body: 'First' },
  { type: 'wait', days: 2 },
  { type: 'email', draft: 'llm' },
];
const sequence = { id: 'seq-1', steps, settings: DEFAULT_SETTINGS } as SequenceEntity;
const inputs = { sender: {}, offer: {}, jobId: 'job-1', signal: new AbortController().signal };

function entry(n: number, stepIndex: number, email: string | null = `p${n}@example.com`) {
  const enrollment = {
    id: `e${n}`,
    sequenceId: 'seq-1',
    prospectId: `p${n}`,
    stepIndex,
    followUpsApproved: n % 2 === 0,
  } as SequenceEnrollmentEntity;
  const prospect = { id: `p${n}`, name: `Person ${n}`, email } as ProspectInState;
  return { enrollment, prospect };
}

function sentFirstTouch(n: number): OutboxMessageEntity {
  return {
    id: `o${n}`,
    enrollmentId: `e${n}`,
    touchIndex: 0,
    status: 'sent',
    subject: 'Hello',
    messageId: `<m${n}@zigral>`,
  } as OutboxMessageEntity;
}

describe('TouchBatch', () => {
  let queued: NewTouch[][];
  let composed: string[][];
  let batch: TouchBatch;
  let stored: OutboxMessageEntity[];

  beforeEach(() => {
    queued = [];
    composed = [];
    stored = [sentFirstTouch(1), sentFirstTouch(2), sentFirstTouch(3)];
    const outbox = {
      touchesOf: jest.fn(async (ids: string[]) =>
        stored.filter((touch) => ids.includes(touch.enrollmentId!)),
      ),
      queueTouches: jest.fn(async (touches: NewTouch[]) => {
        queued.push(touches);
        return touches.map(
          (touch) =>
            ({ ...touch, id: `new-${touch.enrollmentId}` }) as unknown as OutboxMessageEntity,
        );
      }),
    } as unknown as OutboxService;
    const composer = {
      compose: jest.fn(async (_step: unknown, prospects: ProspectInState[]) => {
        composed.push(prospects.map((prospect) => prospect.id));
        return new Map(prospects.map((p) => [p.id, { subject: 'S', body: `Body for ${p.id}` }]));
      }),
    } as unknown as TouchComposer;
    batch = new TouchBatch(outbox, composer);
  });

  it('writes the due follow-ups of a batch in one composition and queues them in one call', async () => {
    const touches = await batch.prepare([entry(1, 2), entry(2, 2), entry(3, 2)], {
      sequence,
      inputs,
    });

    expect(composed).toEqual([['p1', 'p2', 'p3']]);
    expect(queued).toHaveLength(1);
    expect(queued[0].map((touch) => touch.enrollmentId)).toEqual(['e1', 'e2', 'e3']);
    expect(queued[0][0]).toMatchObject({
      touchIndex: 1,
      subject: 'Re: Hello',
      inReplyTo: '<m1@zigral>',
      status: 'draft',
      to: 'p1@example.com',
    });
    expect(queued[0][1].status).toBe('approved');
    expect([...touches.keys()].sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('answers a touch already stored without writing it again', async () => {
    stored.push({ ...sentFirstTouch(1), id: 'o1b', touchIndex: 1, status: 'approved' });

    const touches = await batch.prepare([entry(1, 2)], { sequence, inputs });

    expect(touches.get('e1')?.id).toBe('o1b');
    expect(composed).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('leaves out what cannot be queued: a deleted first touch, no address, a wait step', async () => {
    const touches = await batch.prepare([entry(4, 0), entry(5, 2, null), entry(6, 1)], {
      sequence,
      inputs,
    });

    expect(touches.size).toBe(0);
    expect(composed).toEqual([]);
  });
});
