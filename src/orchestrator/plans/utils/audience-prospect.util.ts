import type { ProspectInState } from '../../../agents/prospects/prospect.types';
import type { ProspectInput } from '../../../agents/prospects/upsert/prospect-input.types';
import type { AudienceProspect } from '../plan-audience.types';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** A prospect of the job state as a preview lists it; `withId: false` for rows not stored yet. */
export function toAudienceProspect(
  prospect: ProspectInState,
  options: { withId: boolean } = { withId: true },
): AudienceProspect {
  const company = (prospect.company ?? {}) as Partial<ProspectInState['company']>;
  return {
    id: options.withId ? (text(prospect.id) ?? null) : null,
    name: text(prospect.name) ?? '',
    title: text(prospect.title),
    company: text(company.name),
    country: text(prospect.country) ?? text(company.country),
    email: text(prospect.email),
    is_sample: prospect.sample === true,
  };
}

/** The prospects of a list a job is given (`context.prospects`): its objects, as they are. */
export function prospectsInList(value: unknown): ProspectInState[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is ProspectInState => typeof item === 'object' && item !== null);
}

/**
 * CSV rows an import would write, as the job state would carry them once imported: each with a
 * stand-in id (`row-1`, …) so that drafting can tell them apart, which a preview does not show.
 */
export function csvInputsInState(inputs: readonly ProspectInput[]): ProspectInState[] {
  return inputs.map((input, index) => {
    const name = input.name ?? [input.firstName, input.lastName].filter(Boolean).join(' ');
    return {
      id: `row-${index + 1}`,
      name,
      ...(input.email ? { email: input.email } : {}),
      ...(input.title ? { title: input.title } : {}),
      ...(input.country ? { country: input.country } : {}),
      ...(input.optedOut ? { opted_out: true } : {}),
      company: { name: input.company?.name ?? '', country: input.company?.country },
    } as ProspectInState;
  });
}
