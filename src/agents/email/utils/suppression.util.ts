import { isEmail, isFQDN } from 'class-validator';
import type { SuppressionKind } from '../suppression.entity';

export type ParsedSuppression =
  { ok: true; value: string; kind: SuppressionKind } | { ok: false; message: string };

const MAX_LENGTH = 320;

/** A suppression value as given: an email address or a domain, normalised to lower case. */
export function parseSuppressionValue(raw: string): ParsedSuppression {
  const value = raw.trim().toLowerCase().replace(/\.$/, '');
  if (value.length > 0 && value.length <= MAX_LENGTH) {
    if (value.includes('@')) {
      if (isEmail(value)) return { ok: true, value, kind: 'email' };
    } else if (isFQDN(value, { require_tld: true })) {
      return { ok: true, value, kind: 'domain' };
    }
  }
  return {
    ok: false,
    message: `value "${raw.slice(0, 100)}" is neither an email address nor a domain (e.g. ana@acme.example or acme.example)`,
  };
}

/**
 * The suppression values that would block `email`: the address itself, its domain and each
 * parent domain (a suppressed `acme.example` also covers `eu.acme.example`), lower case.
 */
export function suppressionCandidates(email: string): string[] {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return [address];
  const labels = address.slice(at + 1).split('.');
  const domains = labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
  return [address, ...domains];
}

/** The value among `suppressed` that blocks `email`, or undefined. */
export function matchSuppression(email: string, suppressed: Iterable<string>): string | undefined {
  const values = new Set(suppressed);
  return suppressionCandidates(email).find((candidate) => values.has(candidate));
}
