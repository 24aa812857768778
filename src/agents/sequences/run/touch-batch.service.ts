import { Injectable } from '@nestjs/common';
import type { OutboxMessageEntity } from '../../email/outbox-message.entity';
import type { NewTouch, TouchThread } from '../../email/outbox-touch.types';
import { OutboxService, threadOfTouches } from '../../email/outbox.service';
import { followUpSubject, replyHeaders } from '../../email/utils/threading.util';
import type { DraftText } from '../../email/utils/draft-templates.util';
import type { ProspectInState } from '../../prospects/prospect.types';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { EmailStep } from '../sequence.types';
import { touchIndexOf } from './enrollment-moves.util';
import type { RunScope } from './enrollment-writer';
import { TouchComposer, type TouchInputs } from './touch-composer.service';

/** One due enrollment of a run's batch, with its prospect. */
export interface DueEntry {
  enrollment: SequenceEnrollmentEntity;
  prospect: ProspectInState;
}

/** The run a batch's touches are written in. */
export interface TouchScope extends RunScope {
  inputs: TouchInputs;
}

/** A follow-up to write: the enrollment at its email step, and the thread it answers. */
export interface FollowUpItem extends DueEntry {
  touchIndex: number;
  thread: TouchThread;
}

/**
 * The touches of a run's batch, handled together rather than one enrollment at a time: read in
 * one query, and the follow-ups that fall due written with one composition per step (an LLM
 * writes them in one call) and queued in one statement.
 */
@Injectable()
export class TouchBatch {
  constructor(
    private readonly outbox: OutboxService,
    private readonly composer: TouchComposer,
  ) {}

  /**
   * The touch at each due enrollment's email step, by enrollment id; missing follow-ups are
   * written and queued first. Left out: enrollments at other steps, and those whose touch cannot
   * be queued (a first touch deleted from the outbox, no email address) — their handling ends them.
   */
  async prepare(
    entries: readonly DueEntry[],
    scope: TouchScope,
  ): Promise<Map<string, OutboxMessageEntity>> {
    const { steps } = scope.sequence;
    const atEmail = entries.filter((entry) => steps[entry.enrollment.stepIndex]?.type === 'email');
    const stored = groupBy(
      await this.outbox.touchesOf(atEmail.map((entry) => entry.enrollment.id)),
      (touch) => touch.enrollmentId ?? '',
    );
    const touches = new Map<string, OutboxMessageEntity>();
    const missing: FollowUpItem[] = [];
    for (const entry of atEmail) {
      const own = stored.get(entry.enrollment.id) ?? [];
      const touchIndex = touchIndexOf(steps, entry.enrollment.stepIndex);
      const touch = own.find((candidate) => candidate.touchIndex === touchIndex);
      if (touch) touches.set(entry.enrollment.id, touch);
      else if (touchIndex > 0 && entry.prospect.email) {
        missing.push({ ...entry, touchIndex, thread: threadOfTouches(own) });
      }
    }
    for (const touch of await this.queue(missing, scope)) {
      touches.set(touch.enrollmentId!, touch);
    }
    return touches;
  }

  /**
   * Follow-ups written (one composition per step) and queued (one statement), each a reply in
   * its enrollment's thread, approved or a draft for review as the launch decided.
   */
  async queue(items: readonly FollowUpItem[], scope: TouchScope): Promise<OutboxMessageEntity[]> {
    if (items.length === 0) return [];
    const rows: NewTouch[] = [];
    for (const group of groupBy(items, (item) => item.enrollment.stepIndex).values()) {
      const step = scope.sequence.steps[group[0].enrollment.stepIndex] as EmailStep;
      const prospects = group.map((item) => item.prospect);
      const texts = await this.composer.compose(step, prospects, scope.inputs, group[0].touchIndex);
      for (const item of group) rows.push(followUp(item, texts.get(item.prospect.id)!, scope));
    }
    return this.outbox.queueTouches(rows);
  }
}

function followUp(item: FollowUpItem, text: DraftText, scope: TouchScope): NewTouch {
  const { enrollment, prospect, thread, touchIndex } = item;
  const headers = replyHeaders(thread.messageIds);
  return {
    enrollmentId: enrollment.id,
    touchIndex,
    sequenceId: enrollment.sequenceId,
    jobId: scope.inputs.jobId,
    prospectId: prospect.id,
    to: prospect.email!.trim().toLowerCase(),
    name: prospect.name || null,
    subject: thread.subject ? followUpSubject(thread.subject) : text.subject,
    body: text.body,
    status: enrollment.followUpsApproved ? 'approved' : 'draft',
    inReplyTo: headers?.inReplyTo ?? null,
    references: headers?.references ?? null,
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
