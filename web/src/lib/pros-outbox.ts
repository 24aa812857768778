/**
 * The messages of one prospect, from GET /outbox?prospect_id=. Until the service has that filter
 * it refuses the parameter (400) — or, were unknown parameters ever ignored, it would answer every
 * message: both mean "not available", never someone else's messages.
 */
export interface ProspectScoped {
  prospect_id: string | null;
}

export type ScopedList<T> = { available: true; items: T[]; total: number } | { available: false };

/** The page's items when all are this prospect's; otherwise "not available". */
export function scopeToProspect<T extends ProspectScoped>(
  page: { items: T[]; total: number },
  prospectId: string,
): ScopedList<T> {
  if (page.items.some((item) => item.prospect_id !== prospectId)) return { available: false };
  return { available: true, items: page.items, total: page.total };
}

/** Whether an error means the filter is not there (the request was refused as invalid). */
export function isFilterRefused(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 400 || status === 404;
}
