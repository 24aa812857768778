/** The status page's facts: which actions can run here (and why not), and the health checks. */
import { humanize } from './format';

export interface SeqAction {
  name: string;
  description: string;
  available: boolean;
  unavailable_reason?: string;
}

export interface SeqAgent {
  name: string;
  description: string;
  actions: SeqAction[];
}

export interface ActionRow {
  key: string;
  agent: string;
  action: string;
  description: string;
  available: boolean;
  reason?: string;
}

/** Every action as one row, `agent.action`, in the service's order. */
export function actionRows(agents: readonly SeqAgent[]): ActionRow[] {
  return agents.flatMap((agent) =>
    agent.actions.map((action) => ({
      key: `${agent.name}.${action.name}`,
      agent: agent.name,
      action: action.name,
      description: action.description,
      available: action.available,
      ...(action.unavailable_reason ? { reason: action.unavailable_reason } : {}),
    })),
  );
}

/** What a sales user cares about, by the action that provides it. */
const CAPABILITIES: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'email.send', label: 'Sending email' },
  { key: 'export.google_sheets', label: 'Export to Google Sheets' },
];

export interface Capability {
  label: string;
  available: boolean;
  reason?: string;
}

/** The capabilities this installation has, each with the reason when it lacks one. */
export function capabilities(rows: readonly ActionRow[]): Capability[] {
  return CAPABILITIES.flatMap(({ key, label }) => {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) return [];
    return [{ label, available: row.available, ...(row.reason ? { reason: row.reason } : {}) }];
  });
}

export interface HealthCheck {
  status: string;
  state?: string;
  mailbox?: string;
  error?: string;
  since?: string;
  failures?: number;
  retryAt?: string;
  holder?: string;
}

export interface HealthRow {
  name: string;
  up: boolean;
  summary: string;
}

/** The health checks as rows: the name, up or down, and what the check says in words. */
export function healthRows(details: Record<string, HealthCheck> | undefined): HealthRow[] {
  return Object.entries(details ?? {}).map(([name, check]) => {
    const parts: string[] = [];
    if (check.state) parts.push(humanize(check.state));
    if (check.mailbox) parts.push(check.mailbox);
    if (check.holder) parts.push(`held by ${check.holder}`);
    if (check.error) parts.push(check.error);
    if (check.failures) parts.push(`${check.failures} failed attempts in a row`);
    return {
      name: humanize(name),
      up: check.status === 'up',
      summary: parts.length > 0 ? parts.join(' · ') : check.status === 'up' ? 'Up' : 'Down',
    };
  });
}

/** What a sales user calls each feature GET /status reports. */
const FEATURE_LABELS: Readonly<Record<string, string>> = {
  'email.send': 'Sending email',
  'sequences.launch': 'Launching sequences',
  'sequences.run': 'Running sequences',
  'export.google_sheets': 'Export to Google Sheets',
  mailbox: 'Reading replies from the mailbox',
  reply_webhook: 'Forwarding interested replies',
};

export interface SeqFeature {
  name: string;
  available: boolean;
  reason: string | null;
}

/** The features of GET /status as capabilities, in the service's order, labelled in words. */
export function featureCapabilities(features: readonly SeqFeature[]): Capability[] {
  return features.map((feature) => ({
    label: FEATURE_LABELS[feature.name] ?? humanize(feature.name),
    available: feature.available,
    ...(feature.reason ? { reason: feature.reason } : {}),
  }));
}
