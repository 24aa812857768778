import { INDUSTRY_FAMILIES } from './industry-families';
import {
  coveredFamilyKeys,
  familyCovers,
  industryFamilyByKey,
  industryFamilyOf,
  industryLookupKey,
} from './industry-family.util';

const familyName = (industry: string) => industryFamilyOf(industry)?.name;

describe('industryFamilyOf', () => {
  it.each<[string, string]>([
    // As people type them
    ['Software', 'Software'],
    ['SaaS', 'Software'],
    ['saas', 'Software'],
    ['B2B SaaS', 'Software'],
    ['Software-as-a-Service', 'Software'],
    ['Fintech', 'Fintech'],
    ['IT', 'Information Technology'],
    ['Tech', 'Technology'],
    ['E-commerce', 'E-commerce'],
    ['eCommerce', 'E-commerce'],
    ['Non-profit', 'Non-profit'],
    ['Nonprofit', 'Non-profit'],
    ['  financial   services ', 'Financial Services'],
    // LinkedIn's first industry list, as Apollo exports it
    ['Computer Software', 'Software'],
    ['Information Technology & Services', 'Information Technology'],
    ['Hospital & Health Care', 'Healthcare'],
    ['Computer & Network Security', 'Cybersecurity'],
    ['Marketing & Advertising', 'Marketing & Advertising'],
    ['Logistics & Supply Chain', 'Logistics'],
    ['Renewables & Environment', 'Energy'],
    ['Oil & Energy', 'Energy'],
    ['E-Learning', 'Education'],
    ['Airlines/Aviation', 'Aerospace'],
    ['Package/Freight Delivery', 'Logistics'],
    ['Venture Capital & Private Equity', 'Financial Services'],
    ['Staffing & Recruiting', 'Recruiting'],
    ['Leisure, Travel & Tourism', 'Hospitality'],
    ['Food & Beverages', 'Food & Beverage'],
    ['Government Administration', 'Government'],
    ['Nonprofit Organization Management', 'Non-profit'],
    ['Machinery', 'Manufacturing'],
    ['Biotechnology', 'Biotech'],
    // LinkedIn's current list, as Sales Navigator exports it
    ['Software Development', 'Software'],
    ['IT Services and IT Consulting', 'Information Technology'],
    ['Technology, Information and Internet', 'Technology'],
    ['Hospitals and Health Care', 'Healthcare'],
    ['Business Consulting and Services', 'Consulting'],
    ['Advertising Services', 'Marketing & Advertising'],
    ['Motor Vehicle Manufacturing', 'Automotive'],
    ['Transportation, Logistics, Supply Chain and Storage', 'Logistics'],
    ['Pharmaceutical Manufacturing', 'Pharmaceuticals'],
    ['Online and Mail Order Retail', 'E-commerce'],
    ['Telecommunications', 'Telecommunications'],
    ['Law Practice', 'Legal'],
    ['Real Estate', 'Real Estate'],
    ['Insurance', 'Insurance'],
    ['Banking', 'Banking'],
  ])('files %j under %j', (industry, family) => {
    expect(familyName(industry)).toBe(family);
  });

  it.each(['Healthcare Software', 'Industrial Robotics', 'Accounting', 'Services', '', '  '])(
    'leaves %j outside every family',
    (industry) => {
      expect(industryFamilyOf(industry)).toBeUndefined();
    },
  );

  it('leaves no industry at all outside every family', () => {
    expect(industryFamilyOf(null)).toBeUndefined();
    expect(industryFamilyOf(undefined)).toBeUndefined();
  });
});

describe('the vocabulary', () => {
  it('gives every name, key and synonym to one family only', () => {
    const owners = new Map<string, string[]>();
    for (const family of INDUSTRY_FAMILIES) {
      for (const name of new Set([family.name, ...family.synonyms].map(industryLookupKey))) {
        owners.set(name, [...(owners.get(name) ?? []), family.key]);
      }
    }
    expect([...owners].filter(([, keys]) => keys.length > 1)).toEqual([]);
    const keys = INDUSTRY_FAMILIES.map((family) => family.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes synonyms as they are compared, and keys that fit their column', () => {
    for (const family of INDUSTRY_FAMILIES) {
      for (const synonym of family.synonyms) expect(industryLookupKey(synonym)).toBe(synonym);
      expect(family.key).toMatch(/^[a-z][a-z-]{1,31}$/);
      expect(industryFamilyByKey(family.key)).toBe(family);
    }
  });

  it('covers only families it knows', () => {
    for (const family of INDUSTRY_FAMILIES) {
      for (const key of coveredFamilyKeys(family)) expect(industryFamilyByKey(key)).toBeDefined();
    }
  });
});

describe('coveredFamilyKeys and familyCovers', () => {
  const family = (industry: string) => industryFamilyOf(industry)!;

  it('covers a family and the narrower ones it names', () => {
    expect(coveredFamilyKeys(family('Software'))).toEqual(['software']);
    expect(coveredFamilyKeys(family('Financial Services')).sort()).toEqual([
      'banking',
      'financial-services',
      'fintech',
      'insurance',
    ]);
  });

  it.each<[string, string, boolean]>([
    ['SaaS', 'Computer Software', true],
    ['Financial Services', 'Fintech', true],
    ['Financial Services', 'Banking', true],
    ['Fintech', 'Financial Services', false],
    ['Technology', 'SaaS', true],
    ['Retail', 'E-commerce', true],
    ['E-commerce', 'Retail', false],
    ['Software', 'Fintech', false],
  ])('a wish for %j accepts %j: %s', (wanted, actual, expected) => {
    expect(familyCovers(family(wanted), family(actual))).toBe(expected);
  });
});
