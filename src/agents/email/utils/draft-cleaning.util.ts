import type { ProspectInState } from '../../prospects/prospect.types';
import { cleanPersonText } from '../../prospects/utils/person-text.util';

/** What a draft is written from: the prospect and company summary with their text made safe. */
export interface DraftFacts {
  prospect: ProspectInState;
  summary?: string;
  /** Fields left out of the draft: nothing usable was left of them (`title`, `company.name`…). */
  omittedFields: string[];
  /** Fields the draft used only the plain text of (`=HYPERLINK("…","CEO")` → "CEO"). */
  cleanedFields: string[];
}

const PERSON_FIELDS = ['name', 'title', 'department', 'city', 'country'] as const;
const COMPANY_FIELDS = ['name', 'industry'] as const;

/**
 * The prospect and company summary as a draft may use them: each text that looks like a
 * spreadsheet formula, holds markup or a web address is replaced by its plain text
 * (cleanPersonText), or left out when none is left — so neither the templates nor the model ever
 * see it — and the draft records which.
 */
export function draftFacts(prospect: ProspectInState, summary: string | undefined): DraftFacts {
  const omittedFields: string[] = [];
  const cleanedFields: string[] = [];
  const clean = (value: unknown, field: string): string | undefined => {
    if (typeof value !== 'string') {
      omittedFields.push(field);
      return undefined;
    }
    const result = cleanPersonText(value);
    if (result.problem) (result.text === undefined ? omittedFields : cleanedFields).push(field);
    return result.text;
  };
  const cleanAll = <T extends object>(
    source: T,
    fields: readonly (keyof T & string)[],
    prefix = '',
  ) =>
    Object.fromEntries(
      fields
        .filter((field) => source[field] !== undefined)
        .map((field) => [field, clean(source[field], `${prefix}${field}`)]),
    ) as Partial<T>;
  const person = cleanAll(prospect, PERSON_FIELDS);
  const company = prospect.company && {
    ...prospect.company,
    ...cleanAll(prospect.company, COMPANY_FIELDS, 'company.'),
  };
  const cleaned: ProspectInState = { ...prospect, ...person, company };
  return {
    prospect: cleaned,
    summary: summary === undefined ? undefined : clean(summary, 'company.summary'),
    omittedFields,
    cleanedFields,
  };
}

/** Whether the prospect's name leaves something to greet once cleaned. */
export function hasUsableName(prospect: ProspectInState): boolean {
  const { name } = prospect as { name?: unknown };
  return typeof name === 'string' && cleanPersonText(name).text !== undefined;
}

/**
 * "fields not pasted as written (formula, link or markup): title in 2 drafts, company.name in 1;
 * see omitted_fields and cleaned_fields in drafts", or undefined when every field was used as
 * written.
 */
export function draftCleaningNote(
  drafts: { omitted_fields?: string[]; cleaned_fields?: string[] }[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const draft of drafts) {
    for (const field of [...(draft.omitted_fields ?? []), ...(draft.cleaned_fields ?? [])]) {
      counts.set(field, (counts.get(field) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return undefined;
  const fields = [...counts.entries()].map(
    ([field, count], index) =>
      `${field} in ${count}${index === 0 ? ` draft${count === 1 ? '' : 's'}` : ''}`,
  );
  return `fields not pasted as written (formula, link or markup): ${fields.join(', ')}; see omitted_fields and cleaned_fields in drafts`;
}
