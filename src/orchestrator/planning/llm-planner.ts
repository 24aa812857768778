import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { AppConfig } from '../../config/app-config';
import { AgentRegistry } from '../agents/agent-registry.service';
import {
  PlanIssue,
  PlanValidation,
  ValidatedPlan,
  validatePlan,
} from '../agents/plan-validation.util';
import { LlmRequestRejectedException } from '../llm/llm.exceptions';
import { LlmService } from '../llm/llm.service';
import { PlanHistory } from './plan-history';
import { buildMessages, repairMessage, systemPrompt, userMessage } from './plan-prompt';
import { decodePlanAnswer, planResponseFormat, ResponseMode } from './plan-response-format';
import { EMPTY_INTERPRETATION, Interpretation } from './interpretation';
import { planRefusal } from './planning.exceptions';

export interface PlanRequest {
  jobId: string;
  jobType: string;
  command: string;
  context: Record<string, unknown>;
}

/**
 * Plans with the LLM: a prompt built from the registry and past plans, strict structured output
 * (JSON mode when the server refuses JSON Schema), validation against the registry, and one
 * repair round that sends the problems back before giving up with 502 invalid_plan (422
 * missing_input when all that is left are inputs the command and context do not give).
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

  async plan(
    request: PlanRequest,
  ): Promise<{ plan: ValidatedPlan; interpretation: Interpretation }> {
    const examples = await this.history.examples(request.jobType, this.config.llm.historyTokens);
    let mode: ResponseMode = this.jsonSchemaRefused ? 'json_object' : 'json_schema';
    const messagesFor = (responseMode: ResponseMode) =>
      buildMessages({
        system: systemPrompt({ agents: this.registry.list(), examples, mode: responseMode }),
        user: userMessage(request),
      });
    let messages = messagesFor(mode);
    let answer: string;
    try {
      answer = await this.ask(request.jobId, 'plan', messages, mode);
    } catch (error) {
      if (!(error instanceof LlmRequestRejectedException) || !error.responseFormatUnsupported) {
        throw error;
      }
      this.logger.warn({ jobId: request.jobId }, 'LLM server refused json_schema; using JSON mode');
      this.jsonSchemaRefused = true;
      mode = 'json_object';
      messages = messagesFor(mode);
      answer = await this.ask(request.jobId, 'plan', messages, mode);
    }
    const first = this.check(answer, request.context);
    if (first.ok) return { plan: first.plan, interpretation: EMPTY_INTERPRETATION };

    this.logger.log({ jobId: request.jobId, issues: first.issues.length }, 'Repairing the plan');
    const repair: ChatCompletionMessageParam[] = [
      ...messages,
      { role: 'assistant', content: answer },
      { role: 'user', content: repairMessage(first.issues) },
    ];
    const second = this.check(
      await this.ask(request.jobId, 'plan_repair', repair, mode),
      request.context,
    );
    if (second.ok) return { plan: second.plan, interpretation: EMPTY_INTERPRETATION };
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

  private check(answer: string, context: Record<string, unknown>): PlanValidation {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      const issue: PlanIssue = {
        path: '',
        message: `the answer is not JSON: ${JSON.stringify(answer.slice(0, 200))}`,
      };
      return { ok: false, issues: [issue] };
    }
    return validatePlan({
      plan: decodePlanAnswer(parsed, this.registry),
      catalog: this.registry,
      initialKeys: Object.keys(context),
    });
  }
}
