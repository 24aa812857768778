import { splitWords } from './title-words.util';

/**
 * Departments by the words of a title that name them. The names are those the offline planner
 * uses in `departments` (Sales, Marketing, …), so a derived department matches its filter.
 */
const DEPARTMENT_WORDS: Record<string, string[]> = {
  Sales: [
    'sales',
    'business development',
    'account executive',
    'account manager',
    'key account',
    'revenue',
    'revops',
    'sdr',
    'bdr',
    'vertrieb',
    'vertriebsleiter',
    'vertriebsleiterin',
  ],
  Marketing: [
    'marketing',
    'product marketing',
    'growth',
    'demand generation',
    'demand gen',
    'brand',
    'content',
    'seo',
  ],
  Engineering: [
    'engineering',
    'engineer',
    'developer',
    'software',
    'devops',
    'r&d',
    'architect',
    'entwicklung',
  ],
  Product: ['product'],
  Finance: ['finance', 'financial', 'accounting', 'accountant', 'controller', 'controlling'],
  HR: ['hr', 'human resources', 'people', 'talent', 'recruiting', 'recruiter'],
  Operations: ['operations', 'ops', 'supply chain', 'logistics'],
  IT: ['it', 'information technology', 'security', 'infrastructure', 'sysadmin'],
  Legal: ['legal', 'counsel', 'compliance', 'lawyer', 'attorney'],
  'Customer Success': ['customer success', 'customer support', 'customer service', 'support'],
  Procurement: ['procurement', 'purchasing', 'einkauf', 'buyer'],
  Design: ['design', 'product design', 'product designer', 'designer', 'ux', 'ui'],
  Data: ['data', 'analytics', 'analyst', 'business intelligence', 'bi'],
};

/** C-level titles name their department by acronym. */
const C_LEVEL_DEPARTMENTS: Record<string, string> = {
  cro: 'Sales',
  cmo: 'Marketing',
  cto: 'Engineering',
  cfo: 'Finance',
  coo: 'Operations',
  cio: 'IT',
  ciso: 'IT',
  cpo: 'Product',
  chro: 'HR',
  cdo: 'Data',
};

/** Whoever runs the whole company, when the title names no department. */
const MANAGEMENT = 'Management';
const MANAGEMENT_WORDS =
  /\b(ceo|founder|co founder|owner|president|managing director|geschäftsführer(in)?|chief executive officer)\b/u;

const PHRASES = [
  ...Object.entries(DEPARTMENT_WORDS).flatMap(([department, phrases]) =>
    phrases.map((phrase) => ({ department, words: phrase.split(' ') })),
  ),
  ...Object.entries(C_LEVEL_DEPARTMENTS).map(([acronym, department]) => ({
    department,
    words: [acronym],
  })),
];

/**
 * The department a title names ("VP of Sales" → Sales, "CTO" → Engineering); the first one named
 * wins ("Head of Sales & Marketing" → Sales). Titles of whoever runs the company without naming a
 * department ("Founder & CEO") → Management; anything else → undefined.
 */
export function departmentFromTitle(title: string | null | undefined): string | undefined {
  const words = splitWords(title ?? '');
  for (let index = 0; index < words.length; index++) {
    const found = PHRASES.filter((phrase) =>
      phrase.words.every((word, offset) => words[index + offset] === word),
    ).sort((a, b) => b.words.length - a.words.length)[0];
    if (found) return found.department;
  }
  return MANAGEMENT_WORDS.test(words.join(' ')) ? MANAGEMENT : undefined;
}
