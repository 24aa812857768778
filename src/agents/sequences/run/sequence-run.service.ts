import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { JobControl } from '../../../orchestrator/job-control/job-control';
import type { ActionResult } from '../../../orchestrator/agents/agent.types';
import { ProspectsService } from '../../prospects/prospects.service';
import { toProspectInState } from '../../prospects/utils/prospect-state.util';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { HOLDING_STATUSES } from '../sequence.types';
import { SequencesService } from '../sequences.service';
import {
  EnrollmentStepHandler,
  HandledAs,
  SendingUnavailableError,
} from './enrollment-step.handler';
import { runEnd } from './enrollment-moves.util';
import { TouchBatch, type DueEntry } from './touch-batch.service';
import type { TouchInputs } from './touch-composer.service';

/** Due enrollments one run handles; more are left to the next run, which follows at once. */
export const RUN_BATCH = 500;
/** Due enrollments that send nothing now, handled at the same time (their writes commit together). */
const QUIET_CHUNK = 100;
/** How long a run parks when sending is impossible (SMTP down): then it tries again. */
export const SENDING_RETRY_MS = 5 * 60_000;
/** Attempts at taking the run over from a job that ended meanwhile. */
const TAKE_OVER_ATTEMPTS = 3;

/**
 * `sequences.run`, one run (tick) of a sequence's scheduler, on the job runner's repeating parked
 * step: no timer of its own. A run takes the sequence over (one run job per sequence: a launch
 * whose run job is alive hands its enrollments to it), handles up to RUN_BATCH due enrollments
 * (active, next_due_at ≤ now, by the (sequence_id, status, next_due_at) index) — their touches
 * read and missing follow-ups queued together (TouchBatch), what sends nothing handled
 * concurrently, what sends one at a time — then parks the job until the first due time, or ends
 * when no launched enrollment is left active or paused.
 */
@Injectable()
export class SequenceRunService {
  private readonly logger = new Logger(SequenceRunService.name);

  constructor(
    private readonly sequences: SequencesService,
    private readonly handler: EnrollmentStepHandler,
    private readonly batch: TouchBatch,
    private readonly prospects: ProspectsService,
    private readonly jobs: JobControl,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    private readonly clock: Clock,
  ) {}

  async run(sequenceId: string, inputs: TouchInputs): Promise<ActionResult> {
    const sequence = await this.sequences.find(sequenceId);
    if (!sequence) return { summary: 'The sequence no longer exists' };
    const runner = await this.takeOver(sequence, inputs.jobId);
    if (runner !== inputs.jobId) {
      return { summary: `The sequence runs in job ${runner}, woken to take these enrollments` };
    }
    const counts = new Map<HandledAs, number>();
    let moreDue = false;
    let unavailable: string | undefined;
    if (sequence.status === 'active') {
      try {
        moreDue = await this.handleDue(sequence, inputs, counts);
      } catch (error) {
        if (!(error instanceof SendingUnavailableError)) throw error;
        unavailable = error.message;
        this.logger.warn(
          { sequenceId, jobId: inputs.jobId, reason: unavailable },
          'Sending unavailable',
        );
      }
    }
    const now = this.clock.now();
    const done = summaryOf(counts);
    if (unavailable) {
      const wakeAt = new Date(now.getTime() + SENDING_RETRY_MS);
      return {
        summary: `${done}; sending unavailable (${unavailable}), again at ${wakeAt.toISOString()}`,
        wakeAt,
        repeat: true,
      };
    }
    const end = runEnd({
      now,
      sequencePaused: sequence.status === 'paused',
      earliestDue: await this.earliestDue(sequenceId),
      moreDue,
      waiting: await this.hasLaunched(sequenceId),
    });
    if (end.kind === 'park') {
      const state = sequence.status === 'paused' ? 'sequence paused; ' : '';
      return {
        summary: `${done}; ${state}next run at ${end.wakeAt.toISOString()}`,
        wakeAt: end.wakeAt,
        repeat: true,
      };
    }
    return this.finish(sequence, inputs.jobId, done);
  }

  /** Handles one batch of due enrollments; true when the batch was full (more may be due). */
  private async handleDue(
    sequence: SequenceEntity,
    inputs: TouchInputs,
    counts: Map<HandledAs, number>,
  ): Promise<boolean> {
    const due = await this.enrollments.find({
      where: {
        sequenceId: sequence.id,
        status: 'active',
        nextDueAt: LessThanOrEqual(this.clock.now()),
      },
      order: { nextDueAt: 'ASC', id: 'ASC' },
      take: RUN_BATCH,
    });
    const prospects = new Map(
      (await this.prospects.getMany(due.map((enrollment) => enrollment.prospectId))).map(
        (prospect) => [prospect.id, toProspectInState(prospect)],
      ),
    );
    // A prospect deleted meanwhile took its enrollment with it.
    const entries = due.flatMap((enrollment) => {
      const prospect = prospects.get(enrollment.prospectId);
      return prospect ? [{ enrollment, prospect }] : [];
    });
    const scope = { sequence, inputs };
    const touches = await this.batch.prepare(entries, scope);
    const handle = async (entry: DueEntry) => {
      const touch = touches.get(entry.enrollment.id);
      const handled = await this.handler.handle(entry.enrollment, entry.prospect, scope, touch);
      counts.set(handled, (counts.get(handled) ?? 0) + 1);
    };
    const sending = new Set(
      entries.filter((entry) =>
        this.handler.maySend(entry, scope, touches.get(entry.enrollment.id)),
      ),
    );
    const quiet = entries.filter((entry) => !sending.has(entry));
    // What sends nothing is handled together: its writes share commits (one group on SQLite).
    for (let start = 0; start < quiet.length; start += QUIET_CHUNK) {
      inputs.signal.throwIfAborted();
      // Settled, all of them, before a failure fails the run: no write goes on behind it.
      const results = await Promise.allSettled(quiet.slice(start, start + QUIET_CHUNK).map(handle));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    for (const [index, entry] of [...sending].entries()) {
      inputs.signal.throwIfAborted();
      // A pause of the sequence stops the sending within a few touches, not at the batch's end
      // (also one made while the batch's follow-ups were written).
      if (index % 10 === 0 && (await this.sequences.find(sequence.id))?.status !== 'active') {
        return false;
      }
      await handle(entry);
    }
    return due.length === RUN_BATCH;
  }

  /** The first due time of the sequence's active enrollments (the index's first row), or null. */
  private async earliestDue(sequenceId: string): Promise<Date | null> {
    const first = await this.enrollments.findOne({
      select: { id: true, nextDueAt: true },
      where: { sequenceId, status: 'active', nextDueAt: Not(IsNull()) },
      order: { nextDueAt: 'ASC' },
    });
    return first?.nextDueAt ?? null;
  }

  /** Whether a launched enrollment is still active or paused (a task, a draft, a pause). */
  private async hasLaunched(sequenceId: string): Promise<boolean> {
    return this.enrollments.exists({
      where: { sequenceId, status: In([...HOLDING_STATUSES]), launchedAt: Not(IsNull()) },
    });
  }

  /**
   * Makes this job the sequence's run job, unless a live one runs it: then that one is woken
   * (it takes the new enrollments) and its id answered. A run job that ended is replaced.
   */
  private async takeOver(sequence: SequenceEntity, jobId: string): Promise<string> {
    let current = sequence.runJobId;
    for (let attempt = 0; attempt < TAKE_OVER_ATTEMPTS; attempt++) {
      if (current === jobId) return jobId;
      if (current !== null && (await this.jobs.glance(current))?.active) {
        await this.jobs.wakeBy(current, this.clock.now());
        return current;
      }
      if (await this.sequences.swapJob(sequence.id, 'runJobId', current, jobId)) return jobId;
      current = (await this.sequences.find(sequence.id))?.runJobId ?? null;
    }
    throw new Error(`Could not take over the run of sequence ${sequence.id}`);
  }

  /**
   * Ends the run: the sequence is let go first, then looked at again, so an enrollment launched
   * meanwhile (whose launch found this run alive and handed it over) is not left without a run.
   */
  private async finish(
    sequence: SequenceEntity,
    jobId: string,
    done: string,
  ): Promise<ActionResult> {
    await this.sequences.swapJob(sequence.id, 'runJobId', jobId, null);
    if (await this.hasLaunched(sequence.id)) {
      if (await this.sequences.swapJob(sequence.id, 'runJobId', null, jobId)) {
        return {
          summary: `${done}; more was launched meanwhile`,
          wakeAt: this.clock.now(),
          repeat: true,
        };
      }
    }
    return { summary: `${done}; every enrollment has ended` };
  }
}

const LABELS: Record<HandledAs, string> = {
  sent: 'sent',
  scheduled: 'scheduled for their window',
  deferred: 'deferred by a daily limit',
  awaiting_approval: 'waiting for approval',
  task: 'waiting on a task',
  advanced: 'moved on',
  ended: 'ended',
  unchanged: 'left as they were',
};

function summaryOf(counts: Map<HandledAs, number>): string {
  const parts = [...counts.entries()].map(([handled, count]) => `${count} ${LABELS[handled]}`);
  return parts.length > 0 ? `Handled ${parts.join(', ')}` : 'Nothing was due';
}
