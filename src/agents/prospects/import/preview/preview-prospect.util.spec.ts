import { previewProspect } from './preview-prospect.util';

describe('previewProspect', () => {
  it('answers the prospect as it would be stored: normalised, with derived fields', () => {
    expect(
      previewProspect({
        firstName: ' Anna ',
        lastName: 'Beispiel',
        email: 'Anna@Nordlicht.Example',
        title: 'VP Sales',
        linkedinUrl: 'https://www.linkedin.com/in/anna-beispiel/',
        source: 'csv',
        tags: ['q4', 'q4'],
        company: {
          name: 'Nordlicht GmbH',
          websiteUrl: 'https://www.nordlicht.example',
          country: 'Germany',
        },
      }),
    ).toMatchObject({
      name: 'Anna Beispiel',
      firstName: 'Anna',
      email: 'anna@nordlicht.example',
      seniority: 'vp',
      department: 'Sales',
      country: 'Germany',
      tags: ['q4'],
      company: { name: 'Nordlicht GmbH', domain: 'nordlicht.example' },
    });
  });

  it('answers why a row without a name is skipped', () => {
    expect(previewProspect({ title: 'CTO' })).toEqual({
      error: 'name (or first and last name) is required',
    });
  });

  it('has no company when the row names none', () => {
    expect(previewProspect({ name: 'Ben Muster' })).toMatchObject({
      company: null,
      seniority: null,
    });
  });
});
