import { industryFamilyFixes } from './industry-family-fixes.util';

describe('industryFamilyFixes', () => {
  it('gives each industry the family of the vocabulary, grouped by family', () => {
    expect(
      industryFamilyFixes([
        { industry: 'SaaS', family: null },
        { industry: 'Computer Software', family: null },
        { industry: 'Software', family: 'software' },
        { industry: 'Fintech', family: null },
        { industry: 'Fintech', family: 'fintech' },
        { industry: 'Industrial Robotics', family: null },
        { industry: null, family: null },
      ]),
    ).toEqual(
      new Map([
        ['software', ['SaaS', 'Computer Software']],
        ['fintech', ['Fintech']],
      ]),
    );
  });

  it('moves a spelling the vocabulary files elsewhere, or no longer knows', () => {
    expect(
      industryFamilyFixes([
        { industry: 'Payments', family: 'financial-services' },
        { industry: 'Industrial Robotics', family: 'manufacturing' },
      ]),
    ).toEqual(
      new Map([
        ['fintech', ['Payments']],
        [null, ['Industrial Robotics']],
      ]),
    );
  });

  it('has nothing to fix when every family is right', () => {
    expect(industryFamilyFixes([{ industry: 'SaaS', family: 'software' }]).size).toBe(0);
  });
});
