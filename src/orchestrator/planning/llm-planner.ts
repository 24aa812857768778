import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { AppConfig } from '../../config/app-config';
import { AgentRegistry } from '../agents/agent-registry.service';
import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import { PlanIssue, ValidatedPlan, validatePlan } from '../agents/plan-validation.util';
import { LlmRequestRejectedException } from '../llm/llm.exceptions';
import { LlmService } from '../llm/llm.service';
import { PlanHistory } from './plan-history';
import { buildMessages, repairMessage, systemPrompt, userMessage } from './plan-prompt';
import { decodePlanAnswer, planResponseFormat, ResponseMode } from './plan-response-format';
import { Interpretation } from './interpretation';
import { checkInterpretation } from './interpretation-check.util';
import { planOffline } from './offline/offline-planner';
import { planRefusal } from './planning.exceptions';

export interface PlanRequest {
  jobId: string;
  jobType: string;
  command: string;
  context: Record<string, unknown>;
}

/** A validated plan and the interpretation that passed the check against it. */
export interface CheckedAnswer {
  plan: ValidatedPlan;
  interpretation: Interpretation;
}

type AnswerCheck = ({ ok: true } & CheckedAnswer) | { ok: false; issues: PlanIssue[] };

/**
 * Plans with the LLM: a prompt built from the registry and past plans, strict structured output
 * (JSON mode when the server refuses JSON Schema), validation against the registry, and one
 * check of the interpretation the model gives with its plan (see checkInterpretation, with the
 * offline planner's interpretation as the reference), and one repair round that sends the
 * problems back before giving up with 502 invalid_plan (422 missing_input when all that is left
 * are inputs the command and context do not give).
 */
@Injectable()
export class LlmPlanner {
  private readonly logger = new Logger(LlmPlanner.name);
  /** Set once a server has refused `json_schema`; later calls go straight to JSON mode. */
  private jsonSchemaRefused = false;

  constructor(
    private readonly llm: LlmService,
    private readonly registry: AgentRegistry,
    private readonly history: PlanHistory,
    private readonly config: AppConfig,
  ) {}

  async plan(request: PlanRequest): Promise<CheckedAnswer> {
    const reference = referenceOf(request);
    const { messages, mode, answer } = await this.firstAnswer(request);
    const first = this.check({ answer, request, reference });
    if (first.ok) return { plan: first.plan, interpretation: first.interpretation };

    this.logger.log({ jobId: request.jobId, issues: first.issues.length }, 'Repairing the plan');
    const repair: ChatCompletionMessageParam[] = [
      ...messages,
      { role: 'assistant', content: answer },
      { role: 'user', content: repairMessage(first.issues) },
    ];
    const second = this.check({
      answer: await this.ask(request.jobId, 'plan_repair', repair, mode),
      request,
      reference,
    });
    if (second.ok) return { plan: second.plan, interpretation: second.interpretation };
    // Inputs the command and context do not give are the client's to add (422), not the LLM's fault.
    throw planRefusal({
      issues: second.issues,
      source: 'command',
      invalid: {
        status: HttpStatus.BAD_GATEWAY,
        message: 'The LLM did not produce a valid plan, even after one repair round',
      },
    });
  }

  /** The first answer, in JSON mode when the server refuses JSON Schema (remembered from then on). */
  private async firstAnswer(
    request: PlanRequest,
  ): Promise<{ messages: ChatCompletionMessageParam[]; mode: ResponseMode; answer: string }> {
    const examples = await this.history.examples(request.jobType, this.config.llm.historyTokens);
    const messagesFor = (responseMode: ResponseMode) =>
      buildMessages({
        system: systemPrompt({ agents: this.registry.list(), examples, mode: responseMode }),
        user: userMessage(request),
      });
    const mode: ResponseMode = this.jsonSchemaRefused ? 'json_object' : 'json_schema';
    const messages = messagesFor(mode);
    try {
      return { messages, mode, answer: await this.ask(request.jobId, 'plan', messages, mode) };
    } catch (error) {
      if (!(error instanceof LlmRequestRejectedException) || !error.responseFormatUnsupported) {
        throw error;
      }
      this.logger.warn({ jobId: request.jobId }, 'LLM server refused json_schema; using JSON mode');
      this.jsonSchemaRefused = true;
      const fallback = messagesFor('json_object');
      const answer = await this.ask(request.jobId, 'plan', fallback, 'json_object');
      return { messages: fallback, mode: 'json_object', answer };
    }
  }

  private async ask(
    jobId: string,
    purpose: string,
    messages: ChatCompletionMessageParam[],
    mode: ResponseMode,
  ): Promise<string> {
    const answer = await this.llm.chat({
      jobId,
      purpose,
      messages,
      responseFormat: planResponseFormat(this.registry.list(), mode),
    });
    return answer.content;
  }

  /** Validates the plan of an answer, then checks its interpretation against it. */
  private check(input: {
    answer: string;
    request: PlanRequest;
    reference?: Interpretation;
  }): AnswerCheck {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.answer);
    } catch {
      const issue: PlanIssue = {
        path: '',
        message: `the answer is not JSON: ${JSON.stringify(input.answer.slice(0, 200))}`,
      };
      return { ok: false, issues: [issue] };
    }
    const validation = validatePlan({
      plan: decodePlanAnswer(parsed, this.registry),
      catalog: this.registry,
      initialKeys: Object.keys(input.request.context),
    });
    if (!validation.ok) return validation;
    const checked = checkInterpretation({
      command: input.request.command,
      plan: validation.plan,
      answer: isPlainObject(parsed) ? parsed.interpretation : undefined,
      reference: input.reference,
    });
    return checked.ok ? { ...checked, plan: validation.plan } : checked;
  }
}

/**
 * What the offline planner understood of the command, when it understood it: the phrases the
 * model's interpretation must cover too.
 */
function referenceOf(request: PlanRequest): Interpretation | undefined {
  const offline = planOffline({
    command: request.command,
    contextKeys: Object.keys(request.context),
  });
  return offline.ok ? offline.interpretation : undefined;
}
