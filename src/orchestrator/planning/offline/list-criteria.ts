import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';
import { matchesOf } from './contact-criteria';
import { Evidence, FilterReading, Unclear } from './evidence';
import { maskSpans, WORD_END, WORD_START } from './text-matching';

// One name: quoted, or one token ("webinar", "apollo-nov", "Q3.leads").
const NAME = `(?:"([^"]{1,64})"|'([^']{1,64})'|([\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]))`;
const LIST_WORDS = "[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*){0,2}?";
const rule = (pattern: string) => new RegExp(`${WORD_START}${pattern}${WORD_END}`, 'giu');

type Rule = { regexes: RegExp[]; param: 'tags' | 'batches' | 'sources' };
const RULES: Rule[] = [
  {
    param: 'tags',
    regexes: [
      `(?:from|on|in|off|of)\\s+(?:our|my|the)\\s+(${LIST_WORDS})\\s+(?:mailing\\s+)?list`,
      `(?:our|my)\\s+(${LIST_WORDS})\\s+list`,
      `tagged\\s+(?:as\\s+|with\\s+)?${NAME}`,
      `(?:with|has|have|having|carrying)\\s+(?:the\\s+|a\\s+)?tags?\\s+${NAME}`,
      `tag\\s*[:=]\\s*${NAME}`,
    ].map(rule),
  },
  {
    param: 'batches',
    regexes: [
      `(?:from|in|of|via)\\s+(?:the\\s+|our\\s+|my\\s+)?(?:import|batch|upload)\\s+(?:named\\s+|called\\s+)?${NAME}`,
      `(?:from|in|of|via)\\s+(?:the\\s+|our\\s+|my\\s+)?${NAME}\\s+(?:import|batch|upload)`,
    ].map(rule),
  },
  {
    param: 'sources',
    regexes: [
      `(?:with|from|by|whose|of)\\s+(?:the\\s+)?source\\s*(?::|=|is|named|called)?\\s*${NAME}`,
      `source\\s*[:=]\\s*${NAME}`,
      `(?:sourced|imported|that\\s+came|who\\s+came|came)\\s+(?:in\\s+)?from\\s+(?:the\\s+|our\\s+)?${NAME}`,
    ].map(rule),
  },
];
// "our mailing list", "the last import": a list that names no tag or import.
const VAGUE_NAMES = new Set(
  (
    'mailing contact contacts email prospect prospects lead leads target final usual whole entire ' +
    'full same new old csv last latest recent previous first that this other'
  ).split(' '),
);
const OWN_LIST = rule(
  "(?:from|on|off)\\s+(?:our|my)\\s+(?!(?:csv|file|upload|context|icp|ideal)\\b)[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*){0,2}",
);

function nameOf(match: RegExpMatchArray): string {
  return (match.slice(1).find((group) => group !== undefined) ?? '').trim();
}

function readMatch(param: Rule['param'], match: RegExpMatchArray): Evidence | Unclear {
  const span = { start: match.index as number, end: (match.index as number) + match[0].length };
  const name = nameOf(match);
  const vague =
    param !== 'sources' && name.split(/\s+/).some((word) => VAGUE_NAMES.has(word.toLowerCase()));
  const badBatch = param === 'batches' && !IMPORT_BATCH_NAME.test(name);
  if (vague || badBatch) {
    const what = param === 'batches' ? 'an import by its name (letters, digits, _ . : -)' : 'a tag';
    return { ...span, kind: 'list', reason: `Does not name ${what}.`, suggestion: null };
  }
  return { ...span, param, value: name };
}

/**
 * Lists, tags, imports and sources, by one rule each: "from our webinar list", "on the VIP list",
 * "tagged webinar", "with the tag webinar" → `tags` (the words before "list", as said);
 * "from the import apollo-nov", "from the apollo-nov batch" → `batches` (a name the import
 * pattern accepts); "with source hubspot", "imported from HubSpot" → `sources`. A list that
 * names nothing ("our mailing list", "the last import") or any other "from our …" is an unclear
 * `list`. A bare "from HubSpot" is a company, not a source.
 */
export function findListFilters(text: string): FilterReading {
  const evidence: Evidence[] = [];
  const unclear: Unclear[] = [];
  let rest = text;
  for (const { param, regexes } of RULES) {
    const matches = matchesOf(regexes, rest);
    for (const match of matches) {
      const read = readMatch(param, match);
      if ('param' in read) evidence.push(read);
      else unclear.push(read);
    }
    rest = maskSpans(rest, [...evidence, ...unclear]);
  }
  for (const match of rest.matchAll(OWN_LIST)) {
    const span = { start: match.index, end: match.index + match[0].length };
    unclear.push({
      ...span,
      kind: 'list',
      reason: 'Not a list, tag or import the planner can search.',
      suggestion: null,
    });
  }
  const spans = [...evidence, ...unclear].map(({ start, end }) => ({ start, end }));
  return { evidence, unclear, spans };
}
