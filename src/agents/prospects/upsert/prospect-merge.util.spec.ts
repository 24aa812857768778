import {
  cleanCompany,
  cleanProspect,
  CleanProspect,
  mergedCompanyColumns,
  mergedProspectColumns,
  newCompanyColumns,
  newProspectColumns,
} from './prospect-merge.util';

const clean = (input: Parameters<typeof cleanProspect>[0]): CleanProspect => {
  const result = cleanProspect(input);
  if ('error' in result) throw new Error(result.error);
  return result;
};
const now = new Date('2026-11-24T10:00:00Z');

describe('cleanProspect', () => {
  it('needs a name, or first and last name', () => {
    expect(cleanProspect({ email: 'a@b.example' })).toEqual({
      error: 'name (or first and last name) is required',
    });
    expect(clean({ firstName: ' Anna ', lastName: 'Beispiel' }).name).toBe('Anna Beispiel');
  });

  it('normalises the keys duplicates are found by, and takes place from the company', () => {
    const input = clean({
      name: 'Anna  Beispiel',
      email: 'Anna@Nordlicht.EXAMPLE',
      linkedinUrl: 'linkedin.com/in/Anna/',
      company: { name: ' Nordlicht GmbH ', websiteUrl: 'https://www.nordlicht.example/' },
    });
    expect(input).toMatchObject({
      nameKey: 'anna beispiel',
      email: 'anna@nordlicht.example',
      linkedinUrl: 'https://www.linkedin.com/in/anna',
      company: { name: 'Nordlicht GmbH', domain: 'nordlicht.example' },
    });
    expect(
      clean({ name: 'A', company: { name: 'C', city: 'Berlin', country: 'Germany' } }),
    ).toMatchObject({
      city: 'Berlin',
      country: 'Germany',
    });
  });
});

describe('newProspectColumns', () => {
  it('derives seniority, department and title words from the title', () => {
    expect(newProspectColumns(clean({ name: 'A', title: 'VP of Sales' }), null, now)).toMatchObject(
      {
        seniority: 'vp',
        department: 'Sales',
        titleWords: ' vp of sales ',
        optedOut: false,
        optedOutAt: null,
        tags: [],
      },
    );
    expect(
      newProspectColumns(
        clean({ name: 'A', title: 'VP of Sales', seniority: 'c_level', department: 'Revenue' }),
        null,
        now,
      ),
    ).toMatchObject({ seniority: 'c_level', department: 'Revenue' });
  });
});

describe('mergedProspectColumns', () => {
  const existing = newProspectColumns(
    clean({
      name: 'Anna Beispiel',
      email: 'anna@x.example',
      title: 'Sales Manager',
      tags: ['webinar'],
      source: 'csv',
    }),
    { id: 'company-1', name: 'Nordlicht GmbH' },
    now,
  );
  const merge = (input: Parameters<typeof cleanProspect>[0], linkedinTaken = false) =>
    mergedProspectColumns(existing, clean(input), { companyId: null, linkedinTaken, now });

  it('changes nothing when the input brings nothing new', () => {
    expect(existing.searchText).toBe('anna beispiel anna@x.example sales manager nordlicht gmbh');
    expect(merge({ name: 'Anna Beispiel', email: 'anna@x.example' })).toEqual({});
  });

  it('rebuilds the search text from the merged fields and the company it ends at', () => {
    const input = clean({ name: 'Anna Beispiel', title: 'VP Sales' });
    const merged = (companyName: string | undefined) =>
      mergedProspectColumns(existing, input, { companyId: null, companyName, linkedinTaken, now })
        .searchText;
    const linkedinTaken = false;
    expect(merged('Nordlicht GmbH')).toBe('anna beispiel anna@x.example vp sales nordlicht gmbh');
    // The company's name not loaded: the stored text stays rather than losing the company.
    expect(merged(undefined)).toBeUndefined();
    expect(
      mergedProspectColumns(existing, clean({ name: 'Anna Beispiel' }), {
        companyId: 'company-2',
        companyName: 'Alpenglanz AG',
        linkedinTaken,
        now,
      }).searchText,
    ).toBe('anna beispiel anna@x.example sales manager alpenglanz ag');
  });

  it('takes non-empty values, unites tags and keeps the first source', () => {
    expect(
      merge({ name: 'Anna Beispiel', city: 'Berlin', tags: ['VIP', 'Webinar'], source: 'apollo' }),
    ).toEqual({
      city: 'Berlin',
      tags: ['webinar', 'VIP'],
    });
  });

  it('keeps whether the prospect is sample data, as it keeps the first source', () => {
    expect(merge({ name: 'Anna Beispiel', isSample: true })).toEqual({});
    const sample = { ...existing, source: 'sample', isSample: true };
    const imported = clean({ name: 'Anna Beispiel', source: 'csv', city: 'Berlin' });
    expect(
      mergedProspectColumns(sample, imported, { companyId: null, linkedinTaken: false, now }),
    ).toEqual({ city: 'Berlin' });
    expect(newProspectColumns(clean({ name: 'B', isSample: true }), null, now).isSample).toBe(true);
  });

  it('re-derives the seniority of a new title', () => {
    expect(merge({ name: 'Anna Beispiel', title: 'VP Sales' })).toMatchObject({
      title: 'VP Sales',
      titleWords: ' vp sales ',
      seniority: 'vp',
    });
  });

  it('never undoes an opt-out, and records a new one', () => {
    const optedOut = { ...existing, optedOut: true, optedOutAt: now };
    expect(
      mergedProspectColumns(optedOut, clean({ name: 'Anna Beispiel', optedOut: false }), {
        companyId: null,
        linkedinTaken: false,
        now,
      }),
    ).toEqual({});
    expect(merge({ name: 'Anna Beispiel', optedOut: true })).toEqual({
      optedOut: true,
      optedOutAt: now,
    });
  });

  it('does not take a LinkedIn URL another prospect has', () => {
    expect(
      merge({ name: 'Anna Beispiel', linkedinUrl: 'https://www.linkedin.com/in/anna' }, true),
    ).toEqual({});
  });
});

describe('company industries', () => {
  it('keeps the industry as written and stores its family beside it', () => {
    expect(newCompanyColumns(cleanCompany({ name: 'A', industry: ' SaaS ' })!)).toMatchObject({
      industry: 'SaaS',
      industryFamily: 'software',
    });
    expect(
      newCompanyColumns(cleanCompany({ name: 'A', industry: 'Industrial Robotics' })!),
    ).toMatchObject({ industry: 'Industrial Robotics', industryFamily: null });
    expect(newCompanyColumns(cleanCompany({ name: 'A' })!)).toMatchObject({
      industry: null,
      industryFamily: null,
    });
  });

  it('takes the family of a new industry, and keeps both when none is given', () => {
    const existing = newCompanyColumns(cleanCompany({ name: 'A', industry: 'Software' })!);
    const merge = (industry?: string) =>
      mergedCompanyColumns(existing, cleanCompany({ name: 'A', industry })!);
    expect(merge('Computer Software')).toEqual({ industry: 'Computer Software' });
    expect(merge('Fintech')).toEqual({ industry: 'Fintech', industryFamily: 'fintech' });
    expect(merge('Industrial Robotics')).toEqual({
      industry: 'Industrial Robotics',
      industryFamily: null,
    });
    expect(merge(undefined)).toEqual({});
  });
});

describe('mergedCompanyColumns', () => {
  it('keeps the name, fills the domain once and takes new values', () => {
    const existing = {
      name: 'Nordlicht',
      domain: null,
      websiteUrl: null,
      industry: 'Software',
      industryFamily: 'software',
      employeeCount: 100,
      city: null,
      country: 'Germany',
    };
    expect(
      mergedCompanyColumns(existing, {
        name: 'Nordlicht GmbH',
        nameKey: 'nordlicht gmbh',
        domain: 'nordlicht.example',
        websiteUrl: 'https://nordlicht.example',
        employeeCount: 120,
      }),
    ).toEqual({
      domain: 'nordlicht.example',
      websiteUrl: 'https://nordlicht.example',
      employeeCount: 120,
    });
  });
});

describe('merging the same name', () => {
  it('keeps the stored spelling when only case or spacing differ', () => {
    const existing = newProspectColumns(clean({ name: 'Anna Beispiel' }), null, now);
    const merge = (name: string) =>
      mergedProspectColumns(existing, clean({ name }), {
        companyId: null,
        linkedinTaken: false,
        now,
      });
    expect(merge('anna  BEISPIEL')).toEqual({});
    expect(merge('Anna Beispiel-Muster')).toEqual({
      name: 'Anna Beispiel-Muster',
      searchText: 'anna beispiel-muster',
    });
  });
});
