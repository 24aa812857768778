import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type {
  ActionContext,
  ActionResult,
  AgentAvailability,
} from '../../orchestrator/agents/agent.types';
import { nothingToDo } from '../../orchestrator/agents/nothing-to-do.util';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import type { ProspectInState } from '../prospects/prospect.types';
import { prospectSetOf } from '../prospects/sets/prospect-set-ref.util';
import { DraftParams, SendParams } from './dto/email-action.params';
import { EmailDraftingService } from './email-drafting.service';
import { EmailSendingService } from './email-sending.service';
import type { DraftInState, SentInState } from './email-state.types';
import { sendingUnavailableReason } from './sending/outbox-message-sender';
import { SetDraftingService } from './set-drafting.service';
import { draftsRefOf } from './utils/drafts-ref.util';
import { draftCleaningNote } from './utils/draft-cleaning.util';
import { offerFrom, senderFrom } from './utils/draft-inputs.util';

/** Drafting a long list with an LLM takes a while; so does sending at EMAIL_PACING_MS apart. */
const DRAFT_TIMEOUT_MS = 30 * 60 * 1000;
const SEND_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** Personalised email drafts, and sending them through SMTP exactly once after approval. */
@Injectable()
@Agent({
  name: 'email',
  description: 'Drafts personalised emails to prospects and sends them through SMTP',
})
export class EmailAgent implements AgentAvailability {
  constructor(
    private readonly config: AppConfig,
    private readonly drafting: EmailDraftingService,
    private readonly sending: EmailSendingService,
    private readonly setDrafting: SetDraftingService,
  ) {}

  unavailableReason(action: string): string | undefined {
    return action === 'send' ? sendingUnavailableReason(this.config) : undefined;
  }

  @Action({
    name: 'draft',
    description:
      'Drafts one personalised email (subject and body) per prospect with an email address who ' +
      'has not opted out, from the prospect, the company summary (companies), the sender and the ' +
      'offer; stores them in the outbox, where they can be edited before sending',
    params: DraftParams,
    reads: ['prospects'],
    optionalReads: ['companies', 'sender', 'offer'],
    // Without a sender the emails would be signed by nobody; without an offer they still ask
    // for a conversation, so only the sender is needed.
    needs: [
      { anyOf: ['state.sender'], what: 'a sender to sign the emails (e.g. "Ana from Acme")' },
    ],
    writes: ['drafts'],
    timeoutMs: DRAFT_TIMEOUT_MS,
  })
  async draft(params: DraftParams, context: ActionContext): Promise<ActionResult> {
    const request = {
      companies: context.state.companies,
      sender: senderFrom(context.state.sender),
      offer: offerFrom(context.state.offer),
      tone: params.tone ?? 'friendly',
      instructions: params.instructions,
      jobId: context.jobId,
      stepKey: context.idempotencyKey,
      signal: context.signal,
    } as const;
    const set = prospectSetOf(context.state.prospects);
    if (set) {
      const outcome = await this.setDrafting.draft(set.id, request);
      const llm = outcome.usedLlm ? ` (LLM ${outcome.byModel} in this run)` : '';
      const parts = [`Drafted ${outcome.drafted} of ${set.count}${llm}`];
      parts.push(...skipCounts(outcome.skipped));
      return { writes: { drafts: outcome.drafts }, summary: parts.join('; ') };
    }
    const prospects = listOf<ProspectInState>(context.state.prospects, 'prospects');
    if (prospects.length === 0) {
      return { writes: { drafts: [] }, summary: nothingToDo('prospects') };
    }
    const outcome = await this.drafting.draft({ ...request, prospects });
    const parts = [`Drafted ${outcome.drafts.length} of ${prospects.length}`];
    if (outcome.usedLlm) {
      const failures = outcome.failedCalls > 0 ? `, ${outcome.failedCalls} LLM calls failed` : '';
      parts[0] += ` (LLM ${outcome.byModel}, templates ${outcome.drafts.length - outcome.byModel}${failures})`;
    }
    parts.push(...skipCounts(outcome.skipped.map((skip) => skip.reason)));
    const cleaning = draftCleaningNote(outcome.drafts);
    if (cleaning) parts.push(cleaning);
    return { writes: { drafts: outcome.drafts }, summary: parts.join('; ') };
  }

  @Action({
    name: 'send',
    description:
      'Sends the drafts through SMTP after approval, each exactly once, skipping opted-out and ' +
      'suppressed recipients and those over EMAIL_DAILY_LIMIT, with one-click unsubscribe',
    params: SendParams,
    reads: ['drafts'],
    writes: ['sent'],
    sideEffect: true,
    requiresApproval: true,
    timeoutMs: SEND_TIMEOUT_MS,
    retry: { maxAttempts: 4, initialDelayMs: 5000 },
  })
  async send(_params: SendParams, context: ActionContext): Promise<ActionResult> {
    const reason = sendingUnavailableReason(this.config);
    if (reason) throw new ActionError(reason);
    const ref = draftsRefOf(context.state.drafts);
    if (ref) {
      throw new ActionError(
        `email.send sends a list of drafts, not the ${ref.count} drafts of a prospect set: ` +
          'send them from the outbox, or draft for a search with a limit of at most PROSPECT_SET_THRESHOLD',
      );
    }
    const drafts = listOf<DraftInState>(context.state.drafts, 'drafts');
    const bad = drafts.findIndex((draft) => typeof draft.id !== 'string');
    if (bad >= 0) throw new ActionError(`drafts[${bad}] has no outbox id`);
    if (drafts.length === 0) return { writes: { sent: [] }, summary: nothingToDo('drafts') };
    const sent = await this.sending.send({
      drafts,
      jobId: context.jobId,
      idempotencyKey: context.idempotencyKey,
      signal: context.signal,
      approvedBy: context.approvedBy,
    });
    return { writes: { sent }, summary: sendSummary(sent) };
  }
}

/** A state key that must be a list of objects. */
function listOf<T>(value: unknown, key: string): T[] {
  if (!Array.isArray(value)) throw new ActionError(`The job state's "${key}" must be a list`);
  const bad = value.findIndex((item) => typeof item !== 'object' || item === null);
  if (bad >= 0) throw new ActionError(`${key}[${bad}] is not an object`);
  return value as T[];
}

/** "skipped 2 (1 opted out, 1 no email address)" from a list of reasons. */
function skipCounts(reasons: string[], label = 'skipped'): string[] {
  if (reasons.length === 0) return [];
  const counts = new Map<string, number>();
  for (const reason of reasons) {
    const key = reason.replace(/;.*$/, '').replace(/ \(.*\)$/, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const detail = [...counts.entries()].map(([reason, count]) => `${count} ${reason}`).join(', ');
  return [`${label} ${reasons.length} (${detail})`];
}

function sendSummary(sent: SentInState[]): string {
  const count = (status: SentInState['status']) => sent.filter((item) => item.status === status);
  return [
    `Sent ${count('sent').length} of ${sent.length}`,
    ...skipCounts(count('skipped').map((item) => item.reason ?? 'skipped')),
    ...skipCounts(
      count('failed').map((item) => item.reason ?? 'failed'),
      'failed',
    ),
  ].join('; ');
}
