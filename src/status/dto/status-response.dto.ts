import { ApiProperty } from '@nestjs/swagger';
import type { StatusReport } from '../status.service';

export class DatabaseStatusDto {
  @ApiProperty({ enum: ['sqlite', 'postgres'], example: 'sqlite' })
  engine: 'sqlite' | 'postgres';
}

export class PlannerStatusDto {
  /** `llm`: commands are planned by the LLM; `offline`: by rules, without one. */
  @ApiProperty({ enum: ['llm', 'offline'], example: 'llm' })
  mode: 'llm' | 'offline';
  /** The LLM model (OPENAI_MODEL); null offline. */
  @ApiProperty({ type: String, nullable: true, example: 'gpt-4o-mini' })
  model: string | null;
  /** Offline: what to set to plan with an LLM. */
  @ApiProperty({ type: String, nullable: true, example: null })
  reason: string | null;
}

export class AuthStatusDto {
  /** Whether API_KEYS is set (every route but /health needs a key). @example true */
  api_keys: boolean;
  /** Who this request acts as: its API key's label, `anonymous` without API_KEYS. @example ops-alice */
  actor: string;
}

export class FeatureStatusDto {
  /**
   * `email.send`, `sequences.launch`, `sequences.run`, `export.google_sheets` (actions that need
   * outside configuration), `mailbox` (watching replies over IMAP), `reply_webhook`.
   * @example email.send
   */
  name: string;
  /** @example false */
  available: boolean;
  /** Why not, and what to set, in plain words; for the mailbox also what went wrong. */
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SMTP is not configured: set SMTP_URL and EMAIL_FROM',
  })
  reason: string | null;
}

export class ActionStatusDto {
  /** @example email */
  agent: string;
  /** @example send */
  action: string;
  /** @example false */
  available: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SMTP is not configured: set SMTP_URL and EMAIL_FROM',
  })
  reason: string | null;
}

/** The installation, for the web app's Status page. */
export class StatusResponseDto {
  /** The service's version (package.json). @example 0.1.0 */
  version: string;
  database: DatabaseStatusDto;
  planner: PlannerStatusDto;
  auth: AuthStatusDto;
  /** What needs outside configuration, available or with what to set. */
  features: FeatureStatusDto[];
  /** Every action of every agent (as GET /agents), available or why not. */
  actions: ActionStatusDto[];

  static from(report: StatusReport): StatusResponseDto {
    return {
      version: report.version,
      database: report.database,
      planner: report.planner,
      auth: { api_keys: report.auth.apiKeys, actor: report.auth.actor },
      features: report.features,
      actions: report.actions.map((action) => ({
        agent: action.agent,
        action: action.action,
        available: action.unavailableReason === undefined,
        reason: action.unavailableReason ?? null,
      })),
    };
  }
}
