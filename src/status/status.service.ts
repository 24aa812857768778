import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailboxWatcher } from '../agents/mailbox/watch/mailbox-watcher.service';
import { AppConfig } from '../config/app-config';
import { AgentRegistry } from '../orchestrator/agents/agent-registry.service';
import {
  actionFeatures,
  ActionAvailability,
  FeatureStatus,
  mailboxFeature,
  PlannerStatus,
  plannerStatus,
  replyWebhookFeature,
} from './utils/status-report.util';

/** What GET /status reports; see StatusResponseDto. */
export interface StatusReport {
  version: string;
  database: { engine: 'sqlite' | 'postgres' };
  planner: PlannerStatus;
  auth: { apiKeys: boolean; actor: string };
  features: FeatureStatus[];
  actions: ActionAvailability[];
}

/**
 * The installation as the web app's Status page shows it: version, database engine, planner,
 * and what is available or what to set for it. Built from what /agents and /health compute
 * (the registry's reasons, the mailbox watcher's state); nothing secret: no URL, no key.
 */
@Injectable()
export class StatusService {
  private readonly version = readVersion();

  constructor(
    private readonly config: AppConfig,
    private readonly registry: AgentRegistry,
    private readonly mailbox: MailboxWatcher,
  ) {}

  report(actor: string): StatusReport {
    const actions = this.registry.list().flatMap((agent) =>
      agent.actions.map((action) => ({
        agent: agent.name,
        action: action.name,
        unavailableReason: action.unavailableReason(),
      })),
    );
    return {
      version: this.version,
      database: { engine: this.config.database.type },
      planner: plannerStatus(this.config.llm),
      auth: { apiKeys: this.config.apiKeys.length > 0, actor },
      features: [
        ...actionFeatures(actions),
        mailboxFeature(this.mailbox.status()),
        replyWebhookFeature(this.config.replyWebhookUrl),
      ],
      actions,
    };
  }
}

/** The version in package.json (two folders up from src/status and from dist/status). */
function readVersion(): string {
  try {
    const text = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
