import type { ProspectInState } from '../../prospects/prospect.types';
import { draftCleaningNote, draftFacts, hasUsableName } from './draft-cleaning.util';

const ana: ProspectInState = {
  id: 'p1',
  name: 'Ana Beispiel',
  email: 'ana@acme.example',
  title: 'VP of Sales',
  department: 'Sales',
  company: { name: 'Acme GmbH', industry: 'Software', domain: 'acme.example' },
};

describe('draftFacts', () => {
  it('answers a clean prospect and summary as they are', () => {
    expect(draftFacts(ana, 'Acme makes tea.')).toEqual({
      prospect: ana,
      summary: 'Acme makes tea.',
      omittedFields: [],
      cleanedFields: [],
    });
  });

  it('uses the plain text of a formula, markup or link, and leaves out what has none', () => {
    const facts = draftFacts(
      {
        ...ana,
        title: '=HYPERLINK("http://x","CEO")',
        department: '<script>alert(1)</script>',
        country: 'https://de.example',
        company: { name: '<b>Acme</b>', industry: '=1+1', domain: 'acme.example' },
      },
      'Acme makes tea, see www.acme.example',
    );
    expect(facts.prospect).toEqual({
      ...ana,
      title: 'CEO',
      department: undefined,
      country: undefined,
      company: { name: 'Acme', industry: undefined, domain: 'acme.example' },
    });
    expect(facts.summary).toBe('Acme makes tea, see');
    expect(facts.omittedFields).toEqual(['department', 'country', 'company.industry']);
    expect(facts.cleanedFields).toEqual(['title', 'company.name', 'company.summary']);
  });

  it('leaves out a field that is not text', () => {
    const facts = draftFacts({ ...ana, title: 42 as never }, undefined);
    expect(facts.prospect.title).toBeUndefined();
    expect(facts.omittedFields).toEqual(['title']);
  });
});

describe('hasUsableName', () => {
  it.each([
    ['Ana Beispiel', true],
    ['=HYPERLINK("http://x","Ana")', true],
    ['=1+1', false],
    ['<script>x</script>', false],
    [undefined, false],
  ])('%j → %s', (name, expected) => {
    expect(hasUsableName({ ...ana, name: name as string })).toBe(expected);
  });
});

describe('draftCleaningNote', () => {
  it('counts the fields not pasted as written, and says where to look', () => {
    expect(draftCleaningNote([{}, { omitted_fields: [] }])).toBeUndefined();
    expect(
      draftCleaningNote([
        { cleaned_fields: ['title'] },
        { omitted_fields: ['title'], cleaned_fields: ['company.name'] },
      ]),
    ).toBe(
      'fields not pasted as written (formula, link or markup): title in 2 drafts, company.name in 1; see omitted_fields and cleaned_fields in drafts',
    );
    expect(draftCleaningNote([{ omitted_fields: ['title'] }])).toBe(
      'fields not pasted as written (formula, link or markup): title in 1 draft; see omitted_fields and cleaned_fields in drafts',
    );
  });
});
