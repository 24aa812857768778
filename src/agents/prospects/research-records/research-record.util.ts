/** A fit score to keep on a prospect, as research.score_fit computed it. */
export interface FitScoreRecord {
  prospectId: string;
  score: number;
  reasons: readonly string[];
}

/** A company summary to keep on the company with this domain. */
export interface CompanySummaryRecord {
  domain: string;
  summary: string;
}

const MAX_REASONS = 10;
const MAX_REASON_LENGTH = 300;
const MAX_SUMMARY_LENGTH = 2000;

/**
 * The score and reasons as stored: a whole number from 0 to 100, at most 10 non-empty reasons of
 * at most 300 characters; undefined for a score that is not a number (nothing to keep).
 */
export function storedFit(
  record: Pick<FitScoreRecord, 'score' | 'reasons'>,
): { score: number; reasons: string[] } | undefined {
  if (typeof record.score !== 'number' || !Number.isFinite(record.score)) return undefined;
  const reasons = (Array.isArray(record.reasons) ? record.reasons : [])
    .filter((reason): reason is string => typeof reason === 'string')
    .map((reason) => reason.trim().slice(0, MAX_REASON_LENGTH))
    .filter((reason) => reason.length > 0)
    .slice(0, MAX_REASONS);
  return { score: Math.min(100, Math.max(0, Math.round(record.score))), reasons };
}

/**
 * The summary as stored, trimmed and at most 2,000 characters, and the domain as companies keep
 * it (lower case, without `www.`); undefined when either is empty.
 */
export function storedSummary(record: CompanySummaryRecord): CompanySummaryRecord | undefined {
  const domain = typeof record.domain === 'string' ? record.domain.trim().toLowerCase() : '';
  const summary = typeof record.summary === 'string' ? record.summary.trim() : '';
  if (!domain || !summary) return undefined;
  return {
    domain: domain.replace(/^www\./, ''),
    summary: summary.slice(0, MAX_SUMMARY_LENGTH),
  };
}
