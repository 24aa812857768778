import { createHash } from 'node:crypto';
import type { ProspectInState, Seniority } from '../../prospects/prospect.types';
import { DraftTone, firstNameOf, Offer, Sender } from './draft-inputs.util';

/** Everything a template draft is made of. */
export interface TemplateInput {
  prospect: ProspectInState;
  companySummary?: string;
  sender: Sender;
  offer: Offer;
  tone: DraftTone;
}

export interface DraftText {
  subject: string;
  body: string;
}

type SeniorityGroup = 'executive' | 'vp' | 'director' | 'manager' | 'individual';

const GROUPS: Record<Seniority, SeniorityGroup> = {
  founder: 'executive',
  c_level: 'executive',
  vp: 'vp',
  director: 'director',
  manager: 'manager',
  senior: 'individual',
  entry: 'individual',
};

/** What a person at each level cares about, as one clause after "As {title}, ". */
const ROLE_LINES: Record<SeniorityGroup, string[]> = {
  executive: [
    'you decide where {company} puts its time and budget this year',
    'you carry the growth targets of {company} as a whole',
  ],
  vp: [
    'you own the results of the {department} organisation at {company}',
    'you are the one who answers for the {department} numbers at {company}',
  ],
  director: [
    "you turn {company}'s goals into programmes that actually run",
    'you keep several teams at {company} pulling in the same direction',
  ],
  manager: [
    "you keep your team's day-to-day work at {company} moving",
    'you see where your team at {company} loses time every week',
  ],
  individual: [
    'you see first-hand how the work gets done at {company}',
    'you know which tools at {company} help and which get in the way',
  ],
};

/** A line on each industry group, chosen by words of the company's industry; the first match wins. */
const INDUSTRIES: [RegExp, string][] = [
  [
    /fintech|financ|bank|insurance|payment/i,
    'In financial services, trust and compliance come first, so every change has to be worth it.',
  ],
  [
    /health|medic|pharma|biotech|care/i,
    'In healthcare, every new tool has to save time without adding risk.',
  ],
  [
    /software|saas|information technology|\bit\b|cyber|artificial intelligence|\bai\b|cloud/i,
    'In software, buyers are busy and the market is crowded, so every conversation counts.',
  ],
  [
    /manufactur|automotive|industrial|energy|engineering/i,
    'In industrial businesses, what counts is what works on the ground, not on slides.',
  ],
  [
    /retail|e-?commerce|consumer/i,
    'In retail and e-commerce, margins are thin and every week of the season counts.',
  ],
  [/logistic|transport|shipping/i, 'In logistics, small delays add up quickly across the chain.'],
  [
    /consult|marketing|advertis|agency|media/i,
    'In professional services, time is what you sell, so it should go where it pays.',
  ],
];

const TONES: Record<
  DraftTone,
  {
    greeting: string;
    opener: string;
    offer: string;
    cta: string;
    closing: string;
    subjects: string[];
  }
> = {
  friendly: {
    greeting: 'Hi {first_name},',
    opener: 'I came across {company} and wanted to reach out.',
    offer: 'That is why I thought of you: {offer}',
    cta: 'Would you be up for a short chat in the next couple of weeks?',
    closing: 'Best,',
    subjects: ['{first_name}, a quick idea for {company}', 'An idea for {company}'],
  },
  formal: {
    greeting: 'Dear {name},',
    opener: 'I am writing to introduce myself and to reach out to you at {company}.',
    offer: 'I would like to introduce what we offer: {offer}',
    cta: 'Would you be available for a brief call in the coming weeks?',
    closing: 'Kind regards,',
    subjects: ['Introduction: {offer_name} for {company}', 'A proposal for {company}'],
  },
  direct: {
    greeting: '{first_name},',
    opener: 'A short note for you at {company}.',
    offer: 'What we offer: {offer}',
    cta: 'Worth a 15-minute call?',
    closing: 'Thanks,',
    subjects: ['{company}: {offer_name}?', 'Question for {first_name}'],
  },
};

/** A stable number for a prospect, so the same prospect always gets the same variant. */
function variantOf(id: string, count: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % count;
}

/**
 * The variables a draft template fills, each from the prospect, the research or the offer (see
 * templateFields). Sequence email templates may use exactly these, as `{{variable}}`.
 */
export const TEMPLATE_VARIABLES = [
  'first_name',
  'name',
  'title',
  'role',
  'company',
  'department',
  'offer',
  'offer_name',
  'summary',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * The value of each template variable for one prospect; undefined where there is none. `title`,
 * `role`, `company` and `department` fall back to words that read well in a sentence.
 */
export function templateFields(
  input: Pick<TemplateInput, 'prospect' | 'companySummary' | 'offer'>,
): Record<TemplateVariable, string | undefined> {
  const { prospect, offer } = input;
  return {
    first_name: firstNameOf(prospect.name),
    name: prospect.name,
    title: prospect.title ?? 'a leader',
    role: prospect.title ?? 'part of the team',
    company: prospect.company?.name || 'your company',
    department: prospect.department?.toLowerCase() ?? 'your',
    offer: offer.description ?? offer.name,
    offer_name: offer.name ?? 'an introduction',
    summary: input.companySummary,
  };
}

/** Replaces `{field}` with its value; a field without a value leaves nothing behind. */
export function fillTemplate(template: string, fields: Record<string, string | undefined>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, key: string) => fields[key] ?? '');
}

function industryLine(prospect: ProspectInState): string | undefined {
  const industry = prospect.company?.industry;
  if (!industry) return undefined;
  return INDUSTRIES.find(([pattern]) => pattern.test(industry))?.[1];
}

function signature(sender: Sender): string[] {
  const role = [sender.title, sender.company].filter(Boolean).join(', ');
  return [sender.name, role].filter((line): line is string => Boolean(line));
}

/**
 * A personalised draft from templates: greeting, opener and closing by tone, a line on the
 * prospect's role by seniority, one on the industry, the company summary when research found
 * one, the offer, and the sender's signature. Deterministic: the same input gives the same text.
 * A field without a value is left out and its sentence rephrased ("As part of the team", "your
 * company"); the prospect is expected cleaned (draftFacts), as its values are pasted as they are.
 */
export function renderTemplateDraft(input: TemplateInput): DraftText {
  const { prospect, sender, offer, tone } = input;
  const group = GROUPS[prospect.seniority ?? 'senior'] ?? 'individual';
  const variant = variantOf(prospect.id ?? prospect.name, 2);
  const fields = templateFields(input);
  const style = TONES[tone];
  // Each paragraph is filled once, so a value is pasted as it is and never read as a template.
  const fill = (parts: (string | undefined)[]) =>
    fillTemplate(parts.filter(Boolean).join(' '), fields);
  const paragraphs = [
    fill([style.greeting]),
    fill([style.opener, input.companySummary ? 'I read that {summary}' : undefined]),
    // Without a department the line speaks of "your" organisation, not "the your" one.
    fill([`As {role}, ${ROLE_LINES[group][variant]}.`, industryLine(prospect)]).replace(
      /\bthe your\b/g,
      'your',
    ),
    fields.offer ? fill([style.offer.replace(/[.]?$/, '')]) : undefined,
    fill([offer.callToAction ?? style.cta]),
    [fill([style.closing]), ...signature(sender)].join('\n'),
  ];
  const body = paragraphs
    .filter((part): part is string => typeof part === 'string' && part.trim().length > 0)
    .join('\n\n');
  const subjects = style.subjects.filter((s) => !s.includes('{offer_name}') || offer.name);
  const subject = fillTemplate(subjects[variant % subjects.length] ?? subjects[0], fields);
  return { subject, body: finishSentences(body) };
}

/** The offer is free text: end its paragraph with a full stop when it has none. */
function finishSentences(body: string): string {
  return body
    .split('\n\n')
    .map((paragraph) =>
      /[\w)]$/.test(paragraph) && !paragraph.includes('\n') ? `${paragraph}.` : paragraph,
    )
    .join('\n\n');
}

/** The lines of a follow-up by its number (1: the first follow-up), by tone. */
const FOLLOW_UP_LINES: Record<DraftTone, { first: string; later: string }> = {
  friendly: {
    first: 'Just following up on my note below, in case it got buried.',
    later: 'One more short note from me on the message below.',
  },
  formal: {
    first: 'I am following up on my message below.',
    later: 'Allow me to follow up once more on my message below.',
  },
  direct: {
    first: 'Following up on the note below.',
    later: 'Last follow-up on the note below.',
  },
};

/**
 * A follow-up from templates, for a sequence's later touches without an LLM: short, pointing at
 * the earlier message it answers (it goes out as a reply in the same thread), with the offer's
 * name and the call to action; never the first email's text again.
 */
export function renderFollowUpDraft(input: TemplateInput & { followUp: number }): DraftText {
  const { sender, offer, tone } = input;
  const fields = templateFields(input);
  const style = TONES[tone];
  const lines = FOLLOW_UP_LINES[tone];
  const body = [
    fillTemplate(style.greeting, fields),
    input.followUp <= 1 ? lines.first : lines.later,
    fillTemplate(offer.callToAction ?? style.cta, fields),
    [fillTemplate(style.closing, fields), ...signature(sender)].join('\n'),
  ].join('\n\n');
  return { subject: fillTemplate(style.subjects[0], fields), body };
}
