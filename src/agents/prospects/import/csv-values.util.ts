import { MAX_EMPLOYEE_COUNT, type Seniority } from '../prospect.types';

/** Cells that mean "no value" in exports. */
const PLACEHOLDERS = new Set(['-', '–', '—', 'n/a', '#n/a', 'null', 'none']);

/** The cell trimmed, or undefined when empty or a placeholder such as "-" or "N/A". */
export function cellValue(cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  const text = cell.trim();
  return text.length === 0 || PLACEHOLDERS.has(text.toLowerCase()) ? undefined : text;
}

/**
 * An employee count: a whole number ("1,200", "1 200", "350 employees"), or a range as Sales
 * Navigator writes sizes ("51-200", "10,001+"), taken at its lower bound. Undefined when it is
 * none of those, negative, or above MAX_EMPLOYEE_COUNT.
 */
export function parseEmployeeCount(text: string): number | undefined {
  const match =
    /^(\d{1,3}(?:[,. ]\d{3})+|\d+)\s*(?:(?:-|–|to)\s*(?:\d{1,3}(?:[,. ]\d{3})+|\d+)|\+)?(?:\s*employees)?$/i.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const count = Number(match[1].replace(/[,. ]/g, ''));
  return count <= MAX_EMPLOYEE_COUNT ? count : undefined;
}

/**
 * Whether the text is a LinkedIn address: `linkedin.com/…` on its own (with or without a scheme,
 * `www.` or a country subdomain), not text that merely mentions one.
 */
export function isLinkedinUrl(text: string): boolean {
  return /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/[^\s"'<>]*$/i.test(text.trim());
}

/**
 * City and country from a location as exports write it: "Berlin, Germany" and
 * "Munich, Bavaria, Germany" → first part the city, last the country; a single part is taken as
 * the country ("Germany").
 */
export function parseLocation(text: string): { city?: string; country?: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { country: parts[0] };
  return { city: parts[0], country: parts[parts.length - 1] };
}

/** Seniority words of the exports (Apollo's `c_suite`, `owner`, `head`, …) in Zigral's levels. */
const SENIORITY_WORDS: Record<string, Seniority> = {
  founder: 'founder',
  owner: 'founder',
  cofounder: 'founder',
  c_level: 'c_level',
  c_suite: 'c_level',
  cxo: 'c_level',
  executive: 'c_level',
  partner: 'c_level',
  vp: 'vp',
  vice_president: 'vp',
  director: 'director',
  head: 'director',
  manager: 'manager',
  senior: 'senior',
  entry: 'entry',
  junior: 'entry',
  intern: 'entry',
  training: 'entry',
};

/** A seniority cell as a level, or undefined (then the level is derived from the title). */
export function parseSeniority(text: string): Seniority | undefined {
  const key = text
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
  return SENIORITY_WORDS[key];
}

/**
 * A department cell: the first of a list, Apollo's `master_sales` as "Sales",
 * `information_technology` as "Information Technology"; "IT" and "HR" stay as they are.
 */
export function parseDepartment(text: string): string | undefined {
  const first = cellValue(text.split(/[,;]/)[0]);
  if (!first) return undefined;
  const words = first
    .replace(/^master_/i, '')
    .split(/[_\s]+/)
    .filter(Boolean);
  return words
    .map((word) =>
      word === word.toUpperCase() ? word : word[0].toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join(' ');
}

/** Comma- or semicolon-separated tags. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Mail providers whose domain says nothing about the employer. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.com',
  'yandex.com',
]);

/** The employer's domain from a work email; undefined for free mail providers. */
export function companyDomainFromEmail(email: string): string | undefined {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : undefined;
}

/**
 * A name for a row that has only an email: "anna.beispiel@…" → "Anna Beispiel" when the local
 * part looks like first.last, else the address itself.
 */
export function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@'));
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2 || parts.some((part) => !/^\p{L}+$/u.test(part))) return email;
  return parts.map((part) => part[0].toUpperCase() + part.slice(1).toLowerCase()).join(' ');
}
