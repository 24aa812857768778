// Word lists of the offline planner; long because it is data, kept in one file to review in one
// place. Aliases are lower case and match whole words, case-insensitively; an alias written with
// capitals (US, IT, LA) matches only as written, so the pronoun "us" or "it" is never a place or
// an industry. In an alias a space also matches a hyphen, and a hyphen is optional ("mid-market"
// matches "mid market" and "midmarket").

import type { IndustryFamilyName } from '../../../vocabulary/industry-families';

/**
 * Seniority levels the planner writes into search and scoring parameters. They are the values the
 * prospects agent accepts; plan validation refuses any other, and a spec compares the two lists.
 */
export const SENIORITIES = [
  'founder',
  'c_level',
  'vp',
  'director',
  'manager',
  'senior',
  'entry',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Seniority levels named without a title ("executives", "C-level"); titles carry their own. */
export const SENIORITY_PHRASES: { aliases: string[]; levels: Seniority[] }[] = [
  {
    aliases: ['c-level', 'c-levels', 'c-suite', 'cxo', 'cxos', 'chief officers'],
    levels: ['c_level'],
  },
  {
    aliases: ['executives', 'execs', 'senior executives', 'decision makers', 'decision maker'],
    levels: ['c_level', 'vp'],
  },
  {
    aliases: ['leaders', 'leadership', 'senior leaders', 'senior leadership', 'senior management'],
    levels: ['c_level', 'vp', 'director'],
  },
  {
    aliases: ['top management', 'upper management', 'leadership team'],
    levels: ['c_level', 'vp', 'director'],
  },
  { aliases: ['vp-level', 'vice president level'], levels: ['vp'] },
  { aliases: ['director-level', 'directors and above'], levels: ['director'] },
  { aliases: ['manager-level', 'middle management', 'managers and above'], levels: ['manager'] },
  {
    aliases: ['senior', 'seniors', 'senior-level', 'senior people', 'senior staff'],
    levels: ['senior'],
  },
  { aliases: ['entry-level', 'junior', 'juniors', 'graduates', 'interns'], levels: ['entry'] },
];

export const COUNTRIES: Record<string, string[]> = {
  'United States': [
    'united states',
    'united states of america',
    'usa',
    'u.s.',
    'u.s.a.',
    'US',
    'the us',
    'the states',
    'america',
    'american',
  ],
  'United Kingdom': [
    'united kingdom',
    'uk',
    'u.k.',
    'britain',
    'great britain',
    'british',
    'england',
  ],
  Germany: ['germany', 'german', 'deutschland', 'allemagne', 'alemania', 'germania'],
  Austria: ['austria', 'austrian', 'österreich', 'oesterreich', 'autriche'],
  Switzerland: ['switzerland', 'swiss', 'schweiz', 'suisse', 'svizzera'],
  France: ['france', 'french', 'frankreich', 'francia'],
  Netherlands: ['netherlands', 'the netherlands', 'holland', 'dutch', 'nederland', 'niederlande'],
  Belgium: ['belgium', 'belgian', 'belgique', 'belgië', 'belgien'],
  Luxembourg: ['luxembourg'],
  Denmark: ['denmark', 'danish', 'danmark', 'dänemark'],
  Sweden: ['sweden', 'swedish', 'sverige', 'schweden'],
  Norway: ['norway', 'norwegian', 'norge', 'norwegen'],
  Finland: ['finland', 'finnish', 'suomi', 'finnland'],
  Iceland: ['iceland', 'icelandic'],
  Ireland: ['ireland', 'irish'],
  Spain: ['spain', 'spanish', 'españa', 'espana', 'spanien', 'espagne'],
  Portugal: ['portugal', 'portuguese'],
  Italy: ['italy', 'italian', 'italia', 'italien', 'italie'],
  Poland: ['poland', 'polska', 'polen'],
  'Czech Republic': ['czech republic', 'czechia', 'czech', 'česko', 'tschechien'],
  Estonia: ['estonia', 'estonian'],
  Latvia: ['latvia'],
  Lithuania: ['lithuania'],
  Canada: ['canada', 'canadian'],
  Mexico: ['mexico', 'mexican', 'méxico'],
  Brazil: ['brazil', 'brazilian', 'brasil', 'brasilien'],
  Argentina: ['argentina', 'argentinian'],
  Chile: ['chile', 'chilean'],
  Colombia: ['colombia', 'colombian'],
  Australia: ['australia', 'australian', 'aussie'],
  'New Zealand': ['new zealand'],
  India: ['india', 'indian'],
  Japan: ['japan', 'japanese'],
  Singapore: ['singapore'],
  Israel: ['israel', 'israeli'],
  'United Arab Emirates': ['united arab emirates', 'uae', 'emirates'],
  'South Africa': ['south africa', 'south african'],
  'South Korea': ['south korea', 'korea', 'korean'],
  China: ['china', 'chinese'],
  Russia: ['russia', 'russian federation'],
  Ukraine: ['ukraine', 'ukrainian'],
  Turkey: ['turkey', 'türkiye', 'turkiye'],
  Greece: ['greece', 'greek'],
  Hungary: ['hungary', 'hungarian'],
  Romania: ['romania', 'romanian'],
  Bulgaria: ['bulgaria', 'bulgarian'],
  Croatia: ['croatia', 'croatian'],
  Serbia: ['serbia', 'serbian'],
  Slovakia: ['slovakia', 'slovak'],
  Slovenia: ['slovenia', 'slovenian'],
  Cyprus: ['cyprus'],
  Malta: ['malta'],
  'Saudi Arabia': ['saudi arabia', 'ksa'],
  Qatar: ['qatar'],
  Egypt: ['egypt', 'egyptian'],
  Morocco: ['morocco'],
  Nigeria: ['nigeria', 'nigerian'],
  Kenya: ['kenya', 'kenyan'],
  Indonesia: ['indonesia', 'indonesian'],
  Malaysia: ['malaysia', 'malaysian'],
  Thailand: ['thailand', 'thai'],
  Vietnam: ['vietnam', 'viet nam', 'vietnamese'],
  Philippines: ['philippines', 'the philippines', 'filipino'],
  Pakistan: ['pakistan', 'pakistani'],
  Taiwan: ['taiwan', 'taiwanese'],
  'Hong Kong': ['hong kong'],
  Peru: ['peru', 'peruvian'],
  Uruguay: ['uruguay'],
};

/** Regions expand to their countries, in the order listed. */
export const REGIONS: { aliases: string[]; countries: string[] }[] = [
  { aliases: ['dach'], countries: ['Germany', 'Austria', 'Switzerland'] },
  {
    aliases: ['nordics', 'nordic', 'nordic countries'],
    countries: ['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden'],
  },
  { aliases: ['scandinavia', 'scandinavian'], countries: ['Denmark', 'Norway', 'Sweden'] },
  { aliases: ['benelux'], countries: ['Belgium', 'Netherlands', 'Luxembourg'] },
  { aliases: ['baltics', 'baltic states'], countries: ['Estonia', 'Latvia', 'Lithuania'] },
  { aliases: ['iberia', 'iberian'], countries: ['Spain', 'Portugal'] },
  { aliases: ['north america', 'north american'], countries: ['United States', 'Canada'] },
  {
    aliases: ['latam', 'latin america', 'latin american'],
    countries: ['Mexico', 'Brazil', 'Argentina', 'Chile', 'Colombia'],
  },
  { aliases: ['anz'], countries: ['Australia', 'New Zealand'] },
];

export const CITIES: Record<string, string[]> = {
  London: ['london'],
  Manchester: ['manchester'],
  Birmingham: ['birmingham'],
  Edinburgh: ['edinburgh'],
  Newcastle: ['newcastle', 'newcastle upon tyne'],
  Berlin: ['berlin'],
  Munich: ['munich', 'münchen', 'muenchen', 'munchen', 'monaco di baviera'],
  Hamburg: ['hamburg'],
  Frankfurt: ['frankfurt'],
  Cologne: ['cologne', 'köln', 'koeln', 'koln'],
  Düsseldorf: ['düsseldorf', 'dusseldorf', 'duesseldorf'],
  Stuttgart: ['stuttgart'],
  Nuremberg: ['nuremberg', 'nürnberg', 'nurnberg', 'nuernberg'],
  Leipzig: ['leipzig'],
  Dresden: ['dresden'],
  Paris: ['paris'],
  Marseille: ['marseille', 'marseilles'],
  Amsterdam: ['amsterdam'],
  Rotterdam: ['rotterdam'],
  Brussels: ['brussels', 'bruxelles', 'brussel', 'brüssel'],
  Zurich: ['zurich', 'zürich', 'zuerich'],
  Geneva: ['geneva', 'genève', 'geneve', 'genf', 'ginevra'],
  Vienna: ['vienna', 'wien', 'vienne'],
  Salzburg: ['salzburg'],
  Stockholm: ['stockholm'],
  Copenhagen: ['copenhagen', 'københavn', 'kobenhavn', 'kopenhagen'],
  Oslo: ['oslo'],
  Helsinki: ['helsinki'],
  Dublin: ['dublin'],
  Madrid: ['madrid'],
  Barcelona: ['barcelona'],
  Lisbon: ['lisbon', 'lisboa', 'lissabon'],
  Milan: ['milan', 'milano', 'mailand'],
  Rome: ['rome', 'roma'],
  Warsaw: ['warsaw', 'warszawa', 'warschau'],
  Prague: ['prague', 'praha', 'prag'],
  Tallinn: ['tallinn'],
  'New York': ['new york', 'new york city', 'nyc'],
  'San Francisco': ['san francisco', 'SF'],
  'Los Angeles': ['los angeles', 'LA'],
  Boston: ['boston'],
  Chicago: ['chicago'],
  Seattle: ['seattle'],
  Austin: ['austin'],
  Denver: ['denver'],
  Miami: ['miami'],
  Atlanta: ['atlanta'],
  Toronto: ['toronto'],
  Vancouver: ['vancouver'],
  Montreal: ['montreal'],
  'Mexico City': ['mexico city'],
  'São Paulo': ['são paulo', 'sao paulo'],
  Sydney: ['sydney'],
  Melbourne: ['melbourne'],
  Tokyo: ['tokyo'],
  Bangalore: ['bangalore', 'bengaluru'],
  Mumbai: ['mumbai'],
  Dubai: ['dubai'],
  'Tel Aviv': ['tel aviv'],
};

/**
 * Places the search cannot filter on: states and provinces (the search knows countries and
 * cities), and areas with no border ("Bay Area", "Silicon Valley") or a continent. Never a
 * company: "except for California" is refused as a place left out, not excluded as a company.
 */
export const UNSEARCHABLE_PLACES: string[] = [
  // US states (Washington and New York are cities here; Georgia is also a country).
  ...'alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming'.split(
    ' ',
  ),
  'new hampshire',
  'new jersey',
  'new mexico',
  'north carolina',
  'north dakota',
  'rhode island',
  'south carolina',
  'south dakota',
  'west virginia',
  'washington state',
  'new york state',
  // Canadian provinces.
  'alberta',
  'british columbia',
  'manitoba',
  'new brunswick',
  'newfoundland',
  'nova scotia',
  'ontario',
  'quebec',
  'québec',
  'saskatchewan',
  'prince edward island',
  // German states, often said for a region.
  'bavaria',
  'bayern',
  'baden-württemberg',
  'north rhine-westphalia',
  'nrw',
  // Areas and continents.
  'bay area',
  'sf bay area',
  'silicon valley',
  'the midwest',
  'east coast',
  'west coast',
  'europe',
  'european',
  'asia',
  'apac',
  'emea',
  'africa',
  'middle east',
  'south america',
  'oceania',
];

/**
 * The words a command uses for each family of the shared industry vocabulary. The planner writes
 * the family's name ("SaaS companies" → "Software"); the search and the scoring take it for the
 * whole family ("SaaS", "Computer Software", "Software Development"…). Every family has an entry
 * (the type says so). These are a command's words, not an export's spellings: "marketing" alone
 * is a department here, and the vocabulary files an imported "Marketing" industry.
 */
export const INDUSTRIES: Record<IndustryFamilyName, string[]> = {
  Software: ['software', 'saas', 'b2b saas', 'software-as-a-service', 'enterprise software'],
  'Information Technology': ['information technology', 'IT services', 'IT companies', 'IT firms'],
  Technology: ['tech', 'technology'],
  'Artificial Intelligence': ['ai', 'artificial intelligence', 'machine learning'],
  Cybersecurity: ['cybersecurity', 'cyber security', 'infosec'],
  Fintech: ['fintech', 'fintechs', 'payments', 'financial technology'],
  'Financial Services': ['financial services', 'asset management', 'wealth management'],
  Banking: ['banking', 'banks'],
  Insurance: ['insurance', 'insurers', 'insurtech', 'insurtechs'],
  Healthcare: ['healthcare', 'health care', 'hospitals', 'healthtech', 'health tech', 'medtech'],
  Biotech: ['biotech', 'biotechnology', 'life sciences'],
  Pharmaceuticals: ['pharma', 'pharmaceutical', 'pharmaceuticals'],
  'E-commerce': ['e-commerce', 'online retail', 'online shops', 'd2c', 'dtc', 'direct-to-consumer'],
  Retail: ['retail', 'retailers'],
  Manufacturing: ['manufacturing', 'manufacturers', 'industrial'],
  Logistics: ['logistics', 'supply chain', 'freight', 'shipping', 'transportation'],
  Automotive: ['automotive', 'carmakers', 'automakers'],
  Energy: ['energy', 'utilities', 'renewables', 'renewable energy', 'cleantech', 'climate tech'],
  'Real Estate': ['real estate', 'proptech', 'property management'],
  Construction: ['construction'],
  Education: ['education', 'edtech', 'universities', 'schools', 'e-learning', 'higher education'],
  'Marketing & Advertising': [
    'marketing agencies',
    'advertising',
    'ad agencies',
    'martech',
    'adtech',
  ],
  Media: ['media', 'publishing', 'publishers', 'entertainment'],
  Telecommunications: ['telecommunications', 'telecom', 'telecoms', 'telco', 'telcos'],
  Consulting: ['consulting', 'consultancies', 'consultancy', 'professional services'],
  Legal: ['law firms', 'legal services', 'legaltech', 'legal tech'],
  Recruiting: ['recruiting agencies', 'recruitment agencies', 'recruitment', 'staffing', 'hr tech'],
  Hospitality: ['hospitality', 'hotels', 'travel', 'tourism', 'restaurants'],
  'Food & Beverage': ['food and beverage', 'food', 'beverage', 'foodtech'],
  Government: ['government', 'public sector'],
  'Non-profit': ['non-profit', 'non-profits', 'ngos', 'charities'],
  Gaming: ['gaming', 'game studios', 'video games'],
  Aerospace: ['aerospace', 'aviation', 'defense', 'defence'],
  Crypto: ['crypto', 'web3', 'blockchain'],
};

/** Departments, named in titles ("Head of Marketing") or alone ("the marketing team"). */
export const DEPARTMENTS: Record<string, string[]> = {
  Sales: ['sales', 'business development', 'bizdev', 'revenue', 'revops', 'sales operations'],
  Marketing: ['marketing', 'growth', 'demand generation', 'demand gen', 'brand', 'content'],
  Engineering: ['engineering', 'software engineering', 'r&d', 'research and development'],
  Product: ['product', 'product management'],
  Finance: ['finance', 'accounting'],
  HR: ['hr', 'human resources', 'people operations', 'talent', 'talent acquisition', 'recruiting'],
  Operations: ['operations', 'ops'],
  IT: ['IT', 'information technology', 'security', 'information security', 'infrastructure'],
  Legal: ['legal', 'compliance'],
  'Customer Success': ['customer success', 'customer support', 'customer service', 'support'],
  Procurement: ['procurement', 'purchasing'],
  Design: ['design', 'ux'],
  Data: ['data', 'analytics', 'data science', 'business intelligence'],
};

/** Words that may stand before a role without being a department ("account executive"). */
export const TITLE_QUALIFIERS = [
  'account',
  'key account',
  'business',
  'general',
  'managing',
  'program',
  'project',
  'country',
  'regional',
  'area',
  'territory',
  'channel',
  'partner',
  'community',
  'field',
  'inside sales',
  'software',
  'backend',
  'frontend',
  'full-stack',
  'devops',
  'cloud',
  'social media',
  'digital',
  'e-commerce',
  'ai',
  'machine learning',
];

/** Role words, singular; a trailing "s" or "'s" is accepted and dropped. */
export const ROLES: Record<string, string> = {
  vp: 'VP',
  svp: 'SVP',
  evp: 'EVP',
  'vice president': 'Vice President',
  head: 'Head',
  director: 'Director',
  manager: 'Manager',
  founder: 'Founder',
  'co-founder': 'Co-founder',
  owner: 'Owner',
  president: 'President',
  partner: 'Partner',
  engineer: 'Engineer',
  developer: 'Developer',
  executive: 'Executive',
  rep: 'Rep',
  representative: 'Representative',
  specialist: 'Specialist',
  analyst: 'Analyst',
  consultant: 'Consultant',
  coordinator: 'Coordinator',
  designer: 'Designer',
  architect: 'Architect',
  recruiter: 'Recruiter',
  officer: 'Officer',
  sdr: 'SDR',
  bdr: 'BDR',
};

/** Roles that may name their department after "of" ("VP of Sales", "Director of Engineering"). */
export const ROLES_WITH_OF = ['vp', 'svp', 'evp', 'vice president', 'head', 'director', 'manager'];

/** Roles that are a title on their own ("founders", "VPs"), without a department. */
export const STANDALONE_ROLES = [
  'founder',
  'co-founder',
  'owner',
  'president',
  'vp',
  'svp',
  'evp',
  'vice president',
  'director',
  'manager',
  'engineer',
  'developer',
  'recruiter',
  'sdr',
  'bdr',
];

/** C-level titles by acronym, with the words of "Chief … Officer" that name each. */
export const C_LEVEL: Record<string, string[]> = {
  CEO: ['executive'],
  CTO: ['technology', 'technical'],
  CFO: ['financial', 'finance'],
  CMO: ['marketing'],
  COO: ['operating', 'operations'],
  CRO: ['revenue'],
  CIO: ['information'],
  CISO: ['information security'],
  CPO: ['product'],
  CDO: ['data', 'digital'],
  CHRO: ['human resources'],
  CCO: ['commercial', 'customer'],
  CSO: ['security', 'sales', 'strategy'],
};

/**
 * Company size words, mapped to LinkedIn-style employee ranges: SMB/SME/small businesses up to
 * 200, "small and medium(-sized)" up to 1,000, mid-market/mid-sized 201–1,000, enterprise/large
 * companies/Fortune 500 1,001 and more, scale-ups 51–500. "Startups" and "early-stage" name a
 * stage, not a size: they add no bound nobody asked for.
 */
export const SIZE_WORDS: { aliases: string[]; min?: number; max?: number }[] = [
  {
    aliases: [
      'smb',
      'smbs',
      'sme',
      'smes',
      'small businesses',
      'small companies',
      'small business',
    ],
    max: 200,
  },
  {
    aliases: [
      'small and medium businesses',
      'small and medium-sized businesses',
      'small and mid-sized',
    ],
    max: 1000,
  },
  { aliases: ['small and medium-sized enterprises', 'small and medium enterprises'], max: 1000 },
  {
    aliases: ['mid-market', 'mid-sized', 'midsize', 'medium-sized', 'medium companies'],
    min: 201,
    max: 1000,
  },
  { aliases: ['enterprise', 'enterprises', 'large companies', 'large enterprises'], min: 1001 },
  { aliases: ['big companies', 'corporates', 'corporations', 'fortune 500'], min: 1001 },
  { aliases: ['scale-up', 'scale-ups', 'scaleups'], min: 51, max: 500 },
];

/** Units of company size ("50-500 employees"); "people" also counts, after a range or comparison. */
export const EMPLOYEE_UNITS = [
  'employees',
  'employee',
  'staff',
  'ftes',
  'fte',
  'headcount',
  'workers',
];

/** Nouns for the people a command asks for; a number before one is a limit ("50 leads"). */
export const PERSON_NOUNS = [
  'prospects',
  'leads',
  'contacts',
  'people',
  'persons',
  'profiles',
  'names',
];

/** Acronyms kept in capitals when a title is normalised ("head of hr" → "Head of HR"). */
export const ACRONYMS: Record<string, string> = {
  hr: 'HR',
  it: 'IT',
  ai: 'AI',
  ux: 'UX',
  ui: 'UI',
  seo: 'SEO',
  pr: 'PR',
  'r&d': 'R&D',
  qa: 'QA',
  revops: 'RevOps',
  devops: 'DevOps',
  crm: 'CRM',
  gtm: 'GTM',
  'e-commerce': 'E-commerce',
  ecommerce: 'E-commerce',
  emea: 'EMEA',
  dach: 'DACH',
};
