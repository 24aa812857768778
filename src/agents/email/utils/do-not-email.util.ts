/** Why a sample prospect gets no email: they are fictional, at reserved `.example` addresses. */
export const SAMPLE_PROSPECT_REASON = 'sample data (a fictional prospect, never emailed)';

/**
 * Why a recipient must not be emailed: sample data (a fictional prospect), else "opted out" (the
 * prospect), else "suppressed (value)" (the listed address or domain that blocks one of its
 * addresses); undefined when nothing does.
 */
export function doNotEmailReason(input: {
  optedOut: boolean;
  isSample?: boolean;
  suppressedBy?: string;
}): string | undefined {
  if (input.isSample) return SAMPLE_PROSPECT_REASON;
  if (input.optedOut) return 'opted out';
  return input.suppressedBy ? `suppressed (${input.suppressedBy})` : undefined;
}

/**
 * The do-not-email reason of each prospect that has one, by prospect id. `suppressed` maps a
 * lower-case address to the value that blocks it (SuppressionsService.matchingMany); a prospect
 * is blocked when any of its addresses is.
 */
export function doNotEmailByProspect(input: {
  recipients: readonly { prospectId: string; emails: readonly string[] }[];
  optedOut: ReadonlyMap<string, boolean>;
  suppressed: ReadonlyMap<string, string>;
}): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const { prospectId, emails } of input.recipients) {
    const suppressedBy = emails
      .map((email) => input.suppressed.get(email.trim().toLowerCase()))
      .find((value) => value !== undefined);
    const optedOut = input.optedOut.get(prospectId) === true;
    const reason = doNotEmailReason({ optedOut, suppressedBy });
    if (reason) reasons.set(prospectId, reason);
  }
  return reasons;
}
