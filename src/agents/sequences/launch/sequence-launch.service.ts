import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, Not, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { CodedHttpException } from '../../../common/http/coded-http.exception';
import { AppConfig } from '../../../config/app-config';
import { JobControl, PlanStepInput } from '../../../orchestrator/job-control/job-control';
import { OutboxService } from '../../email/outbox.service';
import { sendingUnavailableReason } from '../../email/sending/outbox-message-sender';
import { ProspectsService } from '../../prospects/prospects.service';
import { toProspectInState } from '../../prospects/utils/prospect-state.util';
import { enrollmentEvent, exitChange } from '../events/exit.util';
import {
  LaunchInProgressException,
  NothingToLaunchException,
} from '../exceptions/sequences.exceptions';
import { TouchComposer, type TouchInputs } from '../run/touch-composer.service';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { HOLDING_STATUSES, type EmailStep } from '../sequence.types';
import { SequencesService } from '../sequences.service';
import { EnrollmentStore } from '../store/enrollment.store';

/** The index of `sequences.run` in a launch job: before it, the launch is still under review. */
export const LAUNCH_RUN_STEP = 2;
const PAGE = 500;

/** A first touch as the launch's review shows it (the job state's `drafts`). */
export interface LaunchDraft {
  id: string;
  enrollment_id: string;
  prospect_id: string;
  to: string;
  name?: string;
  subject: string;
  body: string;
}

/** What a launch made: its job, and how many enrollments it drafts for (0: it only runs). */
export interface LaunchOutcome {
  jobId: string;
  sequenceId: string;
  enrollments: number;
  runOnly: boolean;
}

/**
 * Launching a sequence: one job of three steps — `sequences.draft_first_touches` (the first touch
 * of every active enrollment not launched yet, as outbox drafts), `sequences.approve_launch`
 * (parks for a human; running it approves the drafts and schedules the enrollments) and
 * `sequences.run` (the scheduler's repeating step). Only one launch is under review at a time;
 * enrollments made later are launched by launching again once it is approved. A launch with
 * nothing new, when the run job ended (cancelled or failed) while launched enrollments remain, is
 * a job of the run step alone.
 */
@Injectable()
export class SequenceLaunchService {
  constructor(
    private readonly sequences: SequencesService,
    private readonly jobs: JobControl,
    private readonly store: EnrollmentStore,
    private readonly outbox: OutboxService,
    private readonly prospects: ProspectsService,
    private readonly composer: TouchComposer,
    private readonly config: AppConfig,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the launch job (`jobId`: its id, for a plan step's re-run, which then answers the
   * same launch). 409 launch_in_progress while an earlier launch waits for its review; 422
   * nothing_to_launch when no enrollment waits for a launch (and the run job is alive), 422
   * sending_unavailable without SMTP.
   */
  async launch(
    sequenceId: string,
    input: { sender?: unknown; offer?: unknown; jobId?: string },
  ): Promise<LaunchOutcome> {
    const sequence = await this.sequences.get(sequenceId);
    const jobId = input.jobId ?? randomUUID();
    const unavailable = sendingUnavailableReason(this.config);
    if (unavailable) {
      throw new CodedHttpException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'sending_unavailable',
        `${unavailable}: a launched sequence sends its touches`,
      );
    }
    const waiting = await this.enrollments.count({ where: this.unlaunched(sequenceId) });
    if (sequence.launchJobId === jobId)
      return { jobId, sequenceId, enrollments: waiting, runOnly: false };
    await this.assertNoLaunchUnderReview(sequence);
    const runOnly = waiting === 0;
    if (runOnly) await this.assertRunNeeded(sequence);
    if (!(await this.sequences.swapJob(sequenceId, 'launchJobId', sequence.launchJobId, jobId))) {
      const latest = await this.sequences.get(sequenceId);
      throw new LaunchInProgressException(sequenceId, latest.launchJobId ?? jobId);
    }
    try {
      await this.jobs.submit({
        jobId,
        jobType: 'sequence',
        objective: `${runOnly ? 'Run' : 'Launch'} sequence "${sequence.name}"`,
        steps: launchSteps(sequenceId, runOnly),
        context: {
          ...(input.sender !== undefined ? { sender: input.sender } : {}),
          ...(input.offer !== undefined ? { offer: input.offer } : {}),
        },
      });
    } catch (error) {
      await this.sequences.swapJob(sequenceId, 'launchJobId', jobId, sequence.launchJobId);
      throw error;
    }
    return { jobId, sequenceId, enrollments: waiting, runOnly };
  }

  /**
   * Step (a): the first touch of each enrollment waiting for a launch, written from step 0 and
   * queued in the outbox as a draft of this job (a touch queued by an earlier, rejected launch is
   * kept as it is). An enrollment whose prospect has no email address any more ends.
   */
  async draftFirstTouches(sequenceId: string, inputs: TouchInputs): Promise<LaunchDraft[]> {
    const sequence = await this.sequences.get(sequenceId);
    const step = sequence.steps[0] as EmailStep;
    const drafts: LaunchDraft[] = [];
    for (let after = ''; ;) {
      inputs.signal.throwIfAborted();
      const page = await this.enrollments.find({
        where: { ...this.unlaunched(sequenceId), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      if (page.length === 0) return drafts;
      after = page[page.length - 1].id;
      const found = await this.prospects.getMany(page.map((enrollment) => enrollment.prospectId));
      const prospects = new Map(
        found.map((prospect) => [prospect.id, toProspectInState(prospect)]),
      );
      const reachable = page.filter((enrollment) => prospects.get(enrollment.prospectId)?.email);
      for (const enrollment of page.filter((entry) => !reachable.includes(entry))) {
        const now = this.clock.now();
        const steps = sequence.steps;
        await this.store.change(exitChange({ enrollment, steps, reason: 'no_email', now }));
      }
      const texts = await this.composer.compose(
        step,
        reachable.map((enrollment) => prospects.get(enrollment.prospectId)!),
        inputs,
      );
      for (const enrollment of reachable) {
        const prospect = prospects.get(enrollment.prospectId)!;
        const text = texts.get(prospect.id)!;
        const touch = await this.outbox.queueTouch({
          enrollmentId: enrollment.id,
          touchIndex: 0,
          sequenceId,
          jobId: inputs.jobId,
          prospectId: prospect.id,
          to: prospect.email!.trim().toLowerCase(),
          name: prospect.name || null,
          subject: text.subject,
          body: text.body,
          status: 'draft',
        });
        drafts.push({
          id: touch.id,
          enrollment_id: enrollment.id,
          prospect_id: prospect.id,
          to: touch.to,
          ...(touch.name ? { name: touch.name } : {}),
          subject: touch.subject,
          body: touch.body,
        });
      }
    }
  }

  /**
   * Step (b), once approved: the first touches still in the outbox are approved and their
   * enrollments launched (due now; the follow-ups pre-approved unless the sequence reviews them);
   * an enrollment whose first touch was deleted from the outbox during the review ends (`removed`).
   * `removed`: the drafts not launched (deleted, or their enrollment ended during the review).
   */
  async approveLaunch(
    sequenceId: string,
    jobId: string,
    drafts: readonly LaunchDraft[],
    approvedBy?: string,
  ): Promise<{ launched: number; removed: number }> {
    const sequence = await this.sequences.get(sequenceId);
    const followUpsApproved = !sequence.settings.review_follow_ups;
    const now = this.clock.now();
    let launched = 0;
    let removed = 0;
    for (let start = 0; start < drafts.length; start += PAGE) {
      const chunk = drafts.slice(start, start + PAGE);
      const enrollments = await this.enrollments.findBy({
        id: In(chunk.map((draft) => draft.enrollment_id)),
        status: In([...HOLDING_STATUSES]),
        launchedAt: IsNull(),
      });
      const touches = await Promise.all(
        enrollments.map((enrollment) => this.outbox.findTouch(enrollment.id, 0)),
      );
      await this.outbox.approve(
        touches.flatMap((touch) => (touch ? [touch.id] : [])),
        approvedBy,
      );
      for (const [index, enrollment] of enrollments.entries()) {
        const touch = touches[index];
        const steps = sequence.steps;
        if (!touch) {
          await this.store.change(exitChange({ enrollment, steps, reason: 'removed', now }));
          removed++;
          continue;
        }
        const event = enrollmentEvent({
          enrollment,
          steps,
          type: 'launched',
          data: { job_id: jobId, outbox_id: touch.id, follow_ups_approved: followUpsApproved },
          at: now,
        });
        const changed = await this.store.change({
          id: enrollment.id,
          from: { statuses: HOLDING_STATUSES, stepIndex: 0 },
          set: { launchedAt: now, followUpsApproved, nextDueAt: now },
          events: [event],
          now,
        });
        if (changed) launched++;
      }
    }
    // Removed in the review (the outbox listener ended them already, or here), or ended meanwhile.
    return { launched, removed: Math.max(removed, drafts.length - launched) };
  }

  /** Active or paused enrollments of the sequence that no launch has scheduled yet. */
  private unlaunched(sequenceId: string) {
    return { sequenceId, status: In([...HOLDING_STATUSES]), launchedAt: IsNull(), stepIndex: 0 };
  }

  private async assertNoLaunchUnderReview(sequence: SequenceEntity): Promise<void> {
    const { launchJobId, runJobId } = sequence;
    if (!launchJobId || launchJobId === runJobId) return;
    const launch = await this.jobs.glance(launchJobId);
    if (launch?.active && launch.currentStep < LAUNCH_RUN_STEP) {
      throw new LaunchInProgressException(sequence.id, launchJobId);
    }
  }

  /** With nothing to launch, only a run job gone (cancelled) with launched enrollments left is. */
  private async assertRunNeeded(sequence: SequenceEntity): Promise<void> {
    const run = sequence.runJobId ? await this.jobs.glance(sequence.runJobId) : undefined;
    const launched = await this.enrollments.exists({
      where: {
        sequenceId: sequence.id,
        status: In([...HOLDING_STATUSES]),
        launchedAt: Not(IsNull()),
      },
    });
    if (run?.active || !launched) {
      throw new NothingToLaunchException(sequence.id, run?.active ? run.id : null);
    }
  }
}

/** The plan of a launch job (or of a run alone). */
export function launchSteps(sequenceId: string, runOnly: boolean): PlanStepInput[] {
  const params = { sequence_id: sequenceId };
  const run = { agent: 'sequences', action: 'run', params };
  if (runOnly) return [run];
  return [
    { agent: 'sequences', action: 'draft_first_touches', params },
    { agent: 'sequences', action: 'approve_launch', params },
    run,
  ];
}
