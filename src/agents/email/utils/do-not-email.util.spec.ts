import {
  doNotEmailByProspect,
  doNotEmailReason,
  SAMPLE_PROSPECT_REASON,
} from './do-not-email.util';

describe('doNotEmailReason', () => {
  it('says opted out first, then the suppression that blocks the address', () => {
    expect(doNotEmailReason({ optedOut: true, suppressedBy: 'acme.example' })).toBe('opted out');
    expect(doNotEmailReason({ optedOut: false, suppressedBy: 'acme.example' })).toBe(
      'suppressed (acme.example)',
    );
    expect(doNotEmailReason({ optedOut: false })).toBeUndefined();
  });

  it('says sample data before anything else', () => {
    expect(doNotEmailReason({ optedOut: true, isSample: true, suppressedBy: 'x.example' })).toBe(
      SAMPLE_PROSPECT_REASON,
    );
    expect(doNotEmailReason({ optedOut: false, isSample: false })).toBeUndefined();
  });
});

describe('doNotEmailByProspect', () => {
  it('marks each prospect by its opt-out or any of its addresses, case-insensitively', () => {
    const reasons = doNotEmailByProspect({
      recipients: [
        { prospectId: 'p1', emails: ['Ana@Acme.example'] },
        { prospectId: 'p2', emails: ['bo@beta.example', 'bo@old.example'] },
        { prospectId: 'p3', emails: ['cy@gamma.example'] },
        { prospectId: 'p4', emails: [] },
      ],
      optedOut: new Map([
        ['p3', false],
        ['p4', true],
      ]),
      suppressed: new Map([
        ['ana@acme.example', 'acme.example'],
        ['bo@old.example', 'bo@old.example'],
      ]),
    });
    expect(Object.fromEntries(reasons)).toEqual({
      p1: 'suppressed (acme.example)',
      p2: 'suppressed (bo@old.example)',
      p4: 'opted out',
    });
  });
});
