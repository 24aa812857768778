import {
  companySummaryFor,
  draftSkipKind,
  draftSkipReason,
  firstNameOf,
  offerFrom,
  senderFrom,
} from './draft-inputs.util';

const prospect = {
  id: 'p1',
  name: 'Ana  Beispiel',
  email: 'ana@acme.example',
  company: { name: 'Acme GmbH', domain: 'Acme.Example' },
};

describe('draft inputs', () => {
  it('reads the sender from text or an object', () => {
    expect(senderFrom('Ana from Acme')).toEqual({ name: 'Ana', company: 'Acme' });
    expect(senderFrom('Ana')).toEqual({ name: 'Ana' });
    expect(senderFrom({ name: 'Ana', title: 'CEO', company: 'Acme', extra: 1 })).toEqual({
      name: 'Ana',
      title: 'CEO',
      company: 'Acme',
    });
    expect(senderFrom(undefined)).toEqual({});
    expect(senderFrom({ name: 42 })).toEqual({
      name: undefined,
      title: undefined,
      company: undefined,
    });
  });

  it('reads the offer from text or an object', () => {
    expect(offerFrom('  A 14-day   pilot ')).toEqual({ description: 'A 14-day pilot' });
    expect(offerFrom({ name: 'Pilot', summary: 'Two weeks free', cta: 'Reply yes' })).toEqual({
      name: 'Pilot',
      description: 'Two weeks free',
      callToAction: 'Reply yes',
    });
    expect(offerFrom(null)).toEqual({});
  });

  it('finds the company summary by domain, else by name, never from a failed fetch', () => {
    const companies = [
      { domain: 'acme.example', error: 'HTTP 500', summary: 'stale' },
      { domain: 'other.example', name: 'Acme GmbH', summary: 'Acme makes tea.' },
    ];
    expect(companySummaryFor(prospect, companies)).toBe('Acme makes tea.');
    expect(companySummaryFor(prospect, [{ domain: 'acme.example', summary: 'By domain.' }])).toBe(
      'By domain.',
    );
    expect(companySummaryFor(prospect, 'nope')).toBeUndefined();
  });

  it('says why a prospect gets no draft', () => {
    expect(draftSkipReason(prospect)).toBeUndefined();
    expect(draftSkipReason({ ...prospect, email: undefined })).toBe('no email address');
    expect(draftSkipReason({ ...prospect, email: 'ana@' })).toBe('invalid email address');
    expect(draftSkipReason({ ...prospect, id: 'x'.repeat(129) })).toBe('no usable prospect id');
    expect(draftSkipReason({ ...prospect, id: undefined } as never)).toBe('no usable prospect id');
    expect(draftSkipReason({ ...prospect, opted_out: true } as never)).toBe('opted out');
    expect(draftSkipReason({ ...prospect, name: '=1+1' })).toBe('no usable name');
    expect(draftSkipReason({ ...prospect, name: undefined } as never)).toBe('no usable name');
    expect(firstNameOf(' Ana  Beispiel')).toBe('Ana');
  });

  it('sorts the reasons into kinds', () => {
    expect(draftSkipKind('no email address')).toBe('no_email');
    expect(draftSkipKind('invalid email address')).toBe('no_email');
    expect(draftSkipKind('opted out')).toBe('opted_out');
    expect(draftSkipKind('no usable name')).toBe('other');
  });
});
