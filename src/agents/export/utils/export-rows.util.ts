import type { ProspectInState } from '../../prospects/prospect.types';

/** One cell: text, a number, or empty. */
export type ExportCell = string | number | null;

/** A column of every export (spreadsheet files and Google Sheets alike). */
export interface ExportColumn {
  header: string;
  /** Width in characters in the XLSX file. */
  width: number;
  /** Numbers are written as numbers (sortable in a spreadsheet); text as plain strings. */
  type: 'text' | 'number';
}

/** The prospect and the text of its email. */
export const PROSPECT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Name', width: 24, type: 'text' },
  { header: 'Title', width: 28, type: 'text' },
  { header: 'Seniority', width: 11, type: 'text' },
  { header: 'Email', width: 32, type: 'text' },
  { header: 'Company', width: 26, type: 'text' },
  { header: 'Domain', width: 22, type: 'text' },
  { header: 'Industry', width: 18, type: 'text' },
  { header: 'Employees', width: 11, type: 'number' },
  { header: 'City', width: 14, type: 'text' },
  { header: 'Country', width: 14, type: 'text' },
  { header: 'LinkedIn', width: 36, type: 'text' },
  { header: 'Score', width: 8, type: 'number' },
  { header: 'Reasons', width: 60, type: 'text' },
  { header: 'Email subject', width: 40, type: 'text' },
  { header: 'Email body', width: 80, type: 'text' },
];

/** Where the email stands in the outbox at export time, and whether the prospect may be emailed. */
export const EMAIL_STATE_COLUMNS: readonly ExportColumn[] = [
  { header: 'Email status', width: 12, type: 'text' },
  { header: 'Sent at', width: 25, type: 'text' },
  { header: 'Do not email', width: 30, type: 'text' },
];

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...PROSPECT_COLUMNS,
  ...EMAIL_STATE_COLUMNS,
];

export const EXPORT_HEADERS: readonly string[] = EXPORT_COLUMNS.map((column) => column.header);

/** Score reasons share one cell, separated by this. */
export const REASON_SEPARATOR = '; ';

/** A prospect's email as the export shows it: as the outbox holds it at export time. */
export interface ExportDraft {
  prospectId: string;
  subject: string;
  body: string;
  /** The outbox status: draft, approved, sending, sent, skipped or failed. */
  status: string;
  sentAt: Date | null;
}

/**
 * One row per prospect, in the order of `prospects`, with the prospect's draft beside it (the
 * first draft whose `prospectId` is the prospect's id; drafts of other prospects are ignored)
 * and its do-not-email reason. City and country fall back to the company's.
 */
export function buildExportRows(input: {
  prospects: readonly ProspectInState[];
  drafts?: readonly ExportDraft[];
  /** Why a prospect must not be emailed, by prospect id. */
  doNotEmail?: ReadonlyMap<string, string>;
}): ExportCell[][] {
  const drafts = new Map<string, ExportDraft>();
  for (const draft of input.drafts ?? []) {
    if (!drafts.has(draft.prospectId)) drafts.set(draft.prospectId, draft);
  }
  return input.prospects.map((prospect) => {
    const draft = drafts.get(prospect.id);
    return [
      ...prospectCells(prospect, draft),
      text(draft?.status),
      text(draft?.sentAt?.toISOString()),
      text(input.doNotEmail?.get(prospect.id)),
    ];
  });
}

function prospectCells(prospect: ProspectInState, draft: ExportDraft | undefined): ExportCell[] {
  const company = prospect.company ?? { name: '' };
  return [
    text(prospect.name),
    text(prospect.title),
    text(prospect.seniority),
    text(prospect.email),
    text(company.name),
    text(company.domain),
    text(company.industry),
    number(company.employee_count),
    text(prospect.city ?? company.city),
    text(prospect.country ?? company.country),
    text(prospect.linkedin_url),
    number(prospect.score),
    Array.isArray(prospect.reasons) ? prospect.reasons.map(String).join(REASON_SEPARATOR) : null,
    text(draft?.subject),
    text(draft?.body),
  ];
}

function text(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
