import {
  aliasLookup,
  CsvField,
  ENTITY_PREFIXES,
  FIELD_ENTITY,
  headerKey,
} from './csv-column-aliases';
import { guessCsvField, namesCompany } from './csv-field-guess.util';

/** Header sets as the tools write them, and the field of each column (undefined: none). */
const HEADER_SETS: Record<string, [header: string, field: CsvField | undefined][]> = {
  'Sales Navigator lead export (scraper style, entity-prefixed)': [
    ['First Name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Full Name', 'name'],
    ['Job Title', 'title'],
    ['Company Name', 'companyName'],
    ['Company Domain', 'domain'],
    ['Company Website', 'website'],
    ['Company Industry', 'industry'],
    ['Company Headcount', 'employees'],
    ['Company Employees', 'employees'],
    ['Company Location', 'companyLocation'],
    ['Company LinkedIn URL', undefined],
    ['Company Description', undefined],
    ['LinkedIn Profile URL', 'linkedinUrl'],
    ['Sales Navigator Profile URL', 'linkedinUrl'],
    ['Location', 'location'],
    ['Email', 'email'],
    ['Email Status', undefined],
    ['Years in Position', undefined],
  ],
  'Apollo people export': [
    ['First Name', 'firstName'],
    ['Title', 'title'],
    ['Company', 'companyName'],
    ['Company Name for Emails', 'companyName'],
    ['Email', 'email'],
    ['Seniority', 'seniority'],
    ['Departments', 'department'],
    ['Contact Owner', undefined],
    ['Account Owner', undefined],
    ['Corporate Phone', undefined],
    ['Lists', 'tags'],
    ['# Employees', 'employees'],
    ['Industry', 'industry'],
    ['Keywords', 'tags'],
    ['Person Linkedin Url', 'linkedinUrl'],
    ['Website', 'website'],
    ['Company Linkedin Url', undefined],
    ['City', 'city'],
    ['State', undefined],
    ['Country', 'country'],
    ['Company Address', undefined],
    ['Company City', 'companyCity'],
    ['Company State', undefined],
    ['Company Country', 'companyCountry'],
    ['Company Phone', undefined],
    ['Apollo Account Id', undefined],
  ],
  'Apollo API fields (person_ / organization_)': [
    ['person_first_name', 'firstName'],
    ['person_title', 'title'],
    ['person_email', 'email'],
    ['person_linkedin_url', 'linkedinUrl'],
    ['person_city', 'city'],
    ['organization_name', 'companyName'],
    ['organization_website_url', 'website'],
    ['organization_primary_domain', 'domain'],
    ['organization_industry', 'industry'],
    ['organization_estimated_num_employees', 'employees'],
    ['organization_city', 'companyCity'],
    ['organization_country', 'companyCountry'],
    ['organization_linkedin_url', undefined],
    ['organization_phone', undefined],
  ],
  'HubSpot contacts export': [
    ['Record ID', undefined],
    ['First Name', 'firstName'],
    ['Email', 'email'],
    ['Phone Number', undefined],
    ['Job Title', 'title'],
    ['Company Name', 'companyName'],
    ['Associated Company', 'companyName'],
    ['Associated Company ID', undefined],
    ['Company Domain Name', 'domain'],
    ['Website URL', 'website'],
    ['Number of Employees', 'employees'],
    ['State/Region', undefined],
    ['Country/Region', 'country'],
    ['LinkedIn URL', 'linkedinUrl'],
    ['Contact owner', undefined],
    ['Lead Status', undefined],
    ['Lifecycle Stage', undefined],
  ],
  'LinkedIn connections export': [
    ['First Name', 'firstName'],
    ['Last Name', 'lastName'],
    // The profile URL, but "URL" alone could be any site: an explicit mapping says which.
    ['URL', undefined],
    ['Email Address', 'email'],
    ['Company', 'companyName'],
    ['Position', 'title'],
    ['Connected On', undefined],
  ],
  'CRM exports with entity prefixes (Pipedrive, Salesforce style)': [
    ['Person - Name', 'name'],
    ['Person - Email', 'email'],
    ['Person - Organization', 'companyName'],
    ['Organization - Name', 'companyName'],
    ['Organization - Address', undefined],
    ['Contact Email', 'email'],
    ['Contact First Name', 'firstName'],
    ['Contact Phone', undefined],
    ['Contact Company', 'companyName'],
    ['Contact Website', undefined],
    ['Lead Company Website', 'website'],
    ['Lead Domain', undefined],
    ['Prospect Name', 'name'],
    ['Person Title', 'title'],
    ['Person Industry', undefined],
    ['Account Name', 'companyName'],
    ['Account Industry', 'industry'],
    ['Account Level', undefined],
    ['Employer Name', 'companyName'],
    ['Company URL', 'website'],
    ['Company Email', undefined],
    ['Company Title', undefined],
    ['Company Contact Name', undefined],
    ['Company Tags', undefined],
    ['Contact Tags', 'tags'],
    ['CompanyIndustry', 'industry'],
    ['company.headquarters', 'companyLocation'],
  ],
};

describe('guessCsvField', () => {
  describe.each(Object.entries(HEADER_SETS))('%s', (_set, columns) => {
    it.each(columns)('%s → %s', (header, field) => {
      expect(guessCsvField(header)).toBe(field);
    });
  });

  it('never turns a company column into the person, nor a person column into the company', () => {
    const personFields = (Object.keys(FIELD_ENTITY) as CsvField[]).filter(
      (field) => FIELD_ENTITY[field] === 'person',
    );
    const lookup = aliasLookup();
    for (const prefix of ENTITY_PREFIXES.company) {
      for (const [key, field] of lookup) {
        if (FIELD_ENTITY[field] !== 'person') continue;
        const guessed = guessCsvField(`${prefix} ${key}`);
        // Company Name, Company City…: the company's counterpart, never the person's field.
        if (guessed)
          expect([`${prefix} ${key}`, FIELD_ENTITY[guessed]]).toEqual([
            `${prefix} ${key}`,
            'company',
          ]);
      }
    }
    for (const prefix of ENTITY_PREFIXES.person) {
      for (const field of personFields) {
        expect(guessCsvField(`${prefix} ${field}`)).not.toMatch(/^company/);
      }
      for (const [key, field] of lookup) {
        if (FIELD_ENTITY[field] !== 'company' || namesCompany(key)) continue;
        expect([`${prefix} ${key}`, guessCsvField(`${prefix} ${key}`)]).toEqual([
          `${prefix} ${key}`,
          undefined,
        ]);
      }
    }
  });

  it('has aliases that keep the prefix rule: a prefixed alias names a field of its entity', () => {
    for (const [key, field] of aliasLookup()) {
      for (const [entity, words] of Object.entries(ENTITY_PREFIXES)) {
        const prefix = words.map(headerKey).find((word) => key.startsWith(word));
        if (!prefix || prefix === key || FIELD_ENTITY[field] === entity) continue;
        // Only a person's company may cross: "Contact Name" → name is fine, "Account X" → a person's field is not.
        expect([key, entity, namesCompany(key.slice(prefix.length))]).toEqual([
          key,
          'person',
          true,
        ]);
      }
    }
  });
});
