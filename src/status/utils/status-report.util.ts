import type { MailboxStatus } from '../../agents/mailbox/watch/mailbox-status';

/** One capability of this installation, as the Status page shows it. */
export interface FeatureStatus {
  name: string;
  available: boolean;
  /** When not available (or not working): why, and what to do, in plain words. */
  reason: string | null;
}

/** An action as the registry knows it, with why it can't run here. */
export interface ActionAvailability {
  agent: string;
  action: string;
  unavailableReason?: string;
}

/** How commands are planned: with the LLM (and which model), or offline. */
export type PlannerStatus =
  { mode: 'llm'; model: string; reason: null } | { mode: 'offline'; model: null; reason: string };

export const OFFLINE_PLANNER_REASON =
  'Commands are planned offline, by rules (no LLM): set OPENAI_API_KEY (and OPENAI_MODEL, or ' +
  'OPENAI_BASE_URL for a compatible server) to plan with an LLM';

export function plannerStatus(llm: { apiKey?: string; model: string }): PlannerStatus {
  return llm.apiKey
    ? { mode: 'llm', model: llm.model, reason: null }
    : { mode: 'offline', model: null, reason: OFFLINE_PLANNER_REASON };
}

/** What each state of the mailbox watcher means for the person who set it up. */
const MAILBOX_REASONS: Partial<Record<MailboxStatus['state'], string>> = {
  not_configured:
    'Mailbox watching is off: set IMAP_URL (replies, bounces and out-of-office answers are then read from it)',
  auth_failed: 'The mail server refused the login: check the user and password in IMAP_URL',
  unreachable: "The mail server can't be reached: check the host and port of IMAP_URL",
  error: 'The mailbox watcher failed: see the error, and IMAP_MAILBOX for the folder',
  stopped: 'The service is shutting down',
};

export function mailboxFeature(status: MailboxStatus): FeatureStatus {
  const advice = MAILBOX_REASONS[status.state];
  const reason = advice && status.error ? `${advice} (${status.error})` : (advice ?? null);
  return { name: 'mailbox', available: status.state !== 'not_configured', reason };
}

export function replyWebhookFeature(url: string | undefined): FeatureStatus {
  return {
    name: 'reply_webhook',
    available: url !== undefined,
    reason: url ? null : 'Interested replies are not forwarded: set REPLY_WEBHOOK_URL',
  };
}

/** The features the Status page lists first: those that need outside configuration. */
export const CONFIGURED_ACTIONS = [
  'email.send',
  'sequences.launch',
  'sequences.run',
  'export.google_sheets',
];

/** A feature for each configured action the registry has (an action a build lacks is left out). */
export function actionFeatures(actions: readonly ActionAvailability[]): FeatureStatus[] {
  return CONFIGURED_ACTIONS.flatMap((name) => {
    const action = actions.find((entry) => `${entry.agent}.${entry.action}` === name);
    return action
      ? [{ name, available: !action.unavailableReason, reason: action.unavailableReason ?? null }]
      : [];
  });
}
