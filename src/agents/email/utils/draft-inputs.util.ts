import { isEmail } from 'class-validator';
import type { CompanySummaryInState, ProspectInState } from '../../prospects/prospect.types';
import { hasUsableName } from './draft-cleaning.util';

/** Who signs the emails, from `state.sender`: a string ("Ana from Acme") or an object. */
export interface Sender {
  name?: string;
  title?: string;
  company?: string;
}

/** What the emails propose, from `state.offer`: a string or an object. */
export interface Offer {
  name?: string;
  description?: string;
  callToAction?: string;
}

export const DRAFT_TONES = ['friendly', 'formal', 'direct'] as const;
export type DraftTone = (typeof DRAFT_TONES)[number];

const text = (value: unknown, max = 300): string | undefined =>
  typeof value === 'string' && value.trim().length > 0
    ? value.replace(/\s+/g, ' ').trim().slice(0, max)
    : undefined;

/** `state.sender` as a Sender; "Ana from Acme" gives a name and a company. */
export function senderFrom(value: unknown): Sender {
  const asText = text(value);
  if (asText) {
    const match = /^(.+?)\s+(?:from|at|@)\s+(.+)$/i.exec(asText);
    return match ? { name: match[1], company: match[2] } : { name: asText };
  }
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    name: text(record.name),
    title: text(record.title),
    company: text(record.company) ?? text(record.company_name),
  };
}

/** `state.offer` as an Offer. */
export function offerFrom(value: unknown): Offer {
  const asText = text(value, 600);
  if (asText) return { description: asText };
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    name: text(record.name),
    description: text(record.description, 600) ?? text(record.summary, 600),
    callToAction: text(record.call_to_action) ?? text(record.cta),
  };
}

/** The research summary of a prospect's company from `state.companies`, when there is one. */
export function companySummaryFor(
  prospect: ProspectInState,
  companies: unknown,
): string | undefined {
  if (!Array.isArray(companies)) return undefined;
  const domain = prospect.company?.domain?.toLowerCase();
  const name = prospect.company?.name?.toLowerCase();
  const match = (companies as Partial<CompanySummaryInState>[]).find(
    (company) =>
      typeof company === 'object' &&
      company !== null &&
      !company.error &&
      ((domain && company.domain?.toLowerCase() === domain) ||
        (name && company.name?.toLowerCase() === name)),
  );
  return text(match?.summary, 600);
}

/** The first name to greet: the first word of the name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * What keeps a prospect from a draft, by kind: no usable email address (none, or invalid), opted
 * out, suppressed (address or domain), or other (no usable id or name, an address repeated).
 */
export type DraftSkipKind = 'no_email' | 'opted_out' | 'suppressed' | 'other';

export type ProspectSkip = { prospect: ProspectInState; reason: string; kind: DraftSkipKind };

/** The kind of a reason of draftSkipReason. */
export function draftSkipKind(reason: string): DraftSkipKind {
  if (reason === 'opted out') return 'opted_out';
  if (reason === 'no email address' || reason === 'invalid email address') return 'no_email';
  return 'other';
}

/** The longest prospect id the outbox keeps (prospects from a job's context may carry any id). */
const MAX_PROSPECT_ID = 128;

/**
 * Why a prospect gets no draft (no usable id or email address, opted out, no name to greet once a
 * formula, link or markup is taken out of it), or undefined.
 */
export function draftSkipReason(prospect: ProspectInState): string | undefined {
  if ((prospect as { opted_out?: unknown }).opted_out === true) return 'opted out';
  const { id, email } = prospect as { id?: unknown; email?: unknown };
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_PROSPECT_ID) {
    return 'no usable prospect id';
  }
  if (typeof email !== 'string' || email.trim().length === 0) return 'no email address';
  if (!isEmail(email.trim())) return 'invalid email address';
  if (!hasUsableName(prospect)) return 'no usable name';
  return undefined;
}
