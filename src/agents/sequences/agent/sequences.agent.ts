import { prospectSetOf } from '../../prospects/sets/prospect-set-ref.util';
import { HttpException, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { Action, Agent } from '../../../orchestrator/agents/agent.decorators';
import type {
  ActionContext,
  ActionResult,
  AgentAvailability,
} from '../../../orchestrator/agents/agent.types';
import { nothingToDo } from '../../../orchestrator/agents/nothing-to-do.util';
import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import { offerFrom, senderFrom } from '../../email/utils/draft-inputs.util';
import { sendingUnavailableReason } from '../../email/sending/outbox-message-sender';
import { CreateSequenceDto } from '../api/dto/create-sequence.dto';
import { SequenceSettingsInputDto } from '../api/dto/sequence-settings.dto';
import { toSequenceStep } from '../api/dto/sequence-step.dto';
import { LaunchDraft, SequenceLaunchService } from '../launch/sequence-launch.service';
import { SequenceRunService } from '../run/sequence-run.service';
import type { TouchInputs } from '../run/touch-composer.service';
import { JobSequenceService, type SequenceInState } from './job-sequence.service';
import { LaunchParams, SequenceStepParams } from './sequence-action.params';

/** Drafting a launch's first touches with an LLM takes a while; so does a run's sending. */
const DRAFT_TIMEOUT_MS = 30 * 60 * 1000;
const RUN_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/**
 * Sequences as an agent: `create` and `launch` (plan steps: a sequence for the job's prospects,
 * then its launch), and the steps of the launch job — the first touches drafted, the review, and
 * the scheduler's repeating run.
 */
@Injectable()
@Agent({
  name: 'sequences',
  description:
    'Multi-touch email sequences: creates one for the prospects and launches it (its first touches reviewed, then sent and followed up in each prospect’s working hours)',
})
export class SequencesAgent implements AgentAvailability {
  constructor(
    private readonly config: AppConfig,
    private readonly jobSequences: JobSequenceService,
    private readonly launches: SequenceLaunchService,
    private readonly runs: SequenceRunService,
  ) {}

  unavailableReason(action: string): string | undefined {
    return action === 'launch' || action === 'run'
      ? sendingUnavailableReason(this.config)
      : undefined;
  }

  @Action({
    name: 'create',
    description:
      'Creates a sequence (as POST /sequences: a name, steps — the first an email; waits of days or business days between the touches — and settings) and enrols the prospects in it; sends nothing. Each enrollment ends when its prospect replies, bounces or unsubscribes. Use it with sequences.launch for outreach with follow-ups; for one email without follow-ups use email.draft and email.send. Writes the sequence, how many were enrolled and who was skipped to `sequence`',
    params: CreateSequenceDto,
    reads: ['prospects'],
    writes: ['sequence'],
    sideEffect: true,
  })
  async create(params: CreateSequenceDto, context: ActionContext): Promise<ActionResult> {
    const ids = prospectIds(context.state.prospects);
    if (ids.length === 0) return { writes: { sequence: null }, summary: nothingToDo('prospects') };
    const sequence = await known(
      this.jobSequences.create({
        // The same step (its idempotency key) always creates the same sequence: a re-run after a
        // crash finds it instead of making a second one.
        id: uuidFrom(`sequences.create:${context.idempotencyKey}`),
        definition: {
          name: params.name,
          steps: params.steps.map(toSequenceStep),
          settings: SequenceSettingsInputDto.withDefaults(params.settings),
        },
        prospectIds: ids,
      }),
    );
    return { writes: { sequence }, summary: createSummary(sequence, ids.length) };
  }

  @Action({
    name: 'launch',
    description:
      'Launches a sequence: creates its launch job, whose first step drafts the first touch of every enrolled prospect not launched yet, whose second waits for a human to review and approve them (editable in the outbox), and whose third sends them and the follow-ups in each prospect’s window. Writes the launch job to `launch`',
    params: LaunchParams,
    optionalReads: ['sequence', 'sender', 'offer'],
    needs: [
      {
        anyOf: ['params.sequence_id', 'state.sequence'],
        what: 'the sequence to launch (its id)',
      },
    ],
    writes: ['launch'],
    sideEffect: true,
  })
  async launch(params: LaunchParams, context: ActionContext): Promise<ActionResult> {
    const fromState = context.state.sequence;
    if (!params.sequence_id && (fromState === null || enrolledOf(fromState) === 0)) {
      return { writes: { launch: null }, summary: nothingToDo('prospects enrolled to launch') };
    }
    const sequenceId = params.sequence_id ?? idOf(fromState);
    if (!sequenceId) throw new ActionError('No sequence to launch: give sequence_id');
    // The same step (its idempotency key) always launches under the same job id: a re-run after
    // a crash finds its launch instead of making a second one.
    const jobId = uuidFrom(`sequences.launch:${context.idempotencyKey}`);
    const outcome = await known(
      this.launches.launch(sequenceId, {
        jobId,
        sender: context.state.sender,
        offer: context.state.offer,
      }),
    );
    return {
      writes: {
        launch: {
          job_id: outcome.jobId,
          sequence_id: sequenceId,
          enrollments: outcome.enrollments,
        },
      },
      summary: `Launch job ${outcome.jobId} drafts the first touches of ${outcome.enrollments} enrollments for review`,
    };
  }

  @Action({
    name: 'draft_first_touches',
    description:
      'Part of a launch job: drafts the first touch of each enrollment of the sequence not launched yet into the outbox (as drafts to review) and writes them to `drafts`',
    params: SequenceStepParams,
    optionalReads: ['sender', 'offer'],
    writes: ['drafts'],
    timeoutMs: DRAFT_TIMEOUT_MS,
  })
  async draftFirstTouches(
    params: SequenceStepParams,
    context: ActionContext,
  ): Promise<ActionResult> {
    const drafts = await known(
      this.launches.draftFirstTouches(params.sequence_id, inputsOf(context)),
    );
    return { writes: { drafts }, summary: `Drafted ${drafts.length} first touches for review` };
  }

  @Action({
    name: 'approve_launch',
    description:
      "Part of a launch job: waits for a human's approval of the drafted first touches (edit or delete them in the outbox first); approving schedules them, and the follow-ups unless the sequence reviews them",
    params: SequenceStepParams,
    reads: ['drafts'],
    requiresApproval: true,
  })
  async approveLaunch(params: SequenceStepParams, context: ActionContext): Promise<ActionResult> {
    const drafts = context.state.drafts;
    if (!Array.isArray(drafts)) throw new ActionError('The job state\'s "drafts" must be a list');
    const outcome = await known(
      this.launches.approveLaunch(
        params.sequence_id,
        context.jobId,
        drafts as LaunchDraft[],
        context.approvedBy,
      ),
    );
    const removed =
      outcome.removed > 0 ? `; ${outcome.removed} removed or ended during the review` : '';
    return { summary: `Launched ${outcome.launched} enrollments${removed}` };
  }

  @Action({
    name: 'run',
    description:
      'Part of a launch job: the sequence’s scheduler. Each run sends the touches that are due (in each prospect’s window), creates due tasks and moves enrollments on, then parks the job until the next touch is due; it ends when no enrollment is left',
    params: SequenceStepParams,
    optionalReads: ['sender', 'offer'],
    sideEffect: true,
    timeoutMs: RUN_TIMEOUT_MS,
  })
  run(params: SequenceStepParams, context: ActionContext): Promise<ActionResult> {
    return known(this.runs.run(params.sequence_id, inputsOf(context)));
  }
}

function inputsOf(context: ActionContext): TouchInputs {
  return {
    sender: senderFrom(context.state.sender),
    offer: offerFrom(context.state.offer),
    jobId: context.jobId,
    signal: context.signal,
  };
}

/** A refusal (an unknown sequence, a launch under review…) is an error retrying cannot fix. */
async function known<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() < 500) {
      throw new ActionError(error.message);
    }
    throw error;
  }
}

/** The ids of the state's `prospects` (a list of prospects, each with its id). */
function prospectIds(value: unknown): string[] {
  const set = prospectSetOf(value);
  if (set) {
    throw new ActionError(
      `sequences.create enrols a list of prospects, not a prospect set (${set.count} prospects): ` +
        'give the search a limit of at most PROSPECT_SET_THRESHOLD',
    );
  }
  if (!Array.isArray(value)) throw new ActionError('The job state\'s "prospects" must be a list');
  return value.map((prospect: unknown, index) => {
    const id = idOf(prospect);
    if (id === undefined) throw new ActionError(`prospects[${index}] has no id`);
    return id;
  });
}

function createSummary(sequence: SequenceInState, of: number): string {
  const reasons = new Map<string, number>();
  for (const { reason } of sequence.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const skipped = [...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ');
  return [
    `Created sequence "${sequence.name}" and enrolled ${sequence.enrolled} of ${of} prospects`,
    ...(skipped ? [`skipped ${sequence.skipped.length} (${skipped})`] : []),
  ].join('; ');
}

/** The `enrolled` count of a state's sequence, when it has one. */
function enrolledOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { enrolled } = value as { enrolled?: unknown };
  return typeof enrolled === 'number' ? enrolled : undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id } = value as { id?: unknown };
  return typeof id === 'string' ? id : undefined;
}

/** A UUID (version 8 layout) derived from a key: the same key, the same id. */
export function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
