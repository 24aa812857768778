import type { Seniority } from '../prospect.types';
import { splitWords } from './title-words.util';

// Checked in order, first match wins: "Senior Vice President" is a VP, "Junior Product Manager"
// entry level, "Co-founder & CTO" a founder. Patterns run on the lower-case words of the title
// joined by single spaces. German titles common in DACH exports are included.
const RULES: { level: Seniority; pattern: RegExp }[] = [
  {
    level: 'founder',
    pattern:
      /\b(co ?founder|founder|founding partner|(?<!(product|process|data|service|content|system|account) )owner|co owner|gründer(in)?|mitgründer(in)?)\b/u,
  },
  {
    level: 'entry',
    pattern:
      /\b(junior|jr|intern|internship|trainee|apprentice|graduate|student|werkstudent(in)?|praktikant(in)?|azubi|(sales|business) development representative|sdr|bdr|(assistant|associate)(?! (vice president|vp|director|general counsel|partner|professor)))\b/u,
  },
  {
    level: 'c_level',
    pattern:
      /\b(ceo|cto|cfo|cmo|coo|cro|cio|ciso|cpo|cdo|chro|cco|cso|cxo|chief( [\p{L}&]+){1,3} officer|(?<!vice )president|managing director|geschäftsführer(in)?|geschaeftsfuehrer(in)?|(managing|general|equity|senior) partner)\b|^partner$/u,
  },
  { level: 'vp', pattern: /\b(vp|svp|evp|avp|vice president|vicepresident|vizepräsident(in)?)\b/u },
  {
    level: 'director',
    pattern:
      /\b(director|directeur|directrice|direktor(in)?|head|bereichsleiter(in)?|abteilungsleiter(in)?)\b|(?<!(team|gruppen|projekt))leiter(in)?\b/u,
  },
  {
    level: 'manager',
    pattern:
      /\b(manager|managerin|supervisor|teamleiter(in)?|gruppenleiter(in)?|projektleiter(in)?|(team|tech|group|squad) lead)\b|\blead$/u,
  },
  { level: 'senior', pattern: /\b(senior|sr|principal|staff|lead|expert)\b/u },
];

/**
 * The seniority a title states, or undefined when it states none ("Account Executive",
 * "Software Engineer"). "Assistant to the CEO" is entry level: what follows "to" is not the
 * holder's title.
 */
export function seniorityFromTitle(title: string | null | undefined): Seniority | undefined {
  const text = splitWords(title ?? '')
    .join(' ')
    .replace(/\b(assistant|secretary|aide|advisor|adviser) to\b.*$/u, '$1');
  if (!text) return undefined;
  return RULES.find(({ pattern }) => pattern.test(text))?.level;
}
