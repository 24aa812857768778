import { INDUSTRY_FAMILIES } from '../../../vocabulary/industry-families';
import { industryFamilyOf } from '../../../vocabulary/industry-family.util';
import { findIndustries } from './command-criteria';
import { INDUSTRIES } from './vocabulary';

/** The offline planner's industry words against the shared vocabulary the search resolves. */
describe("the offline planner's industries", () => {
  it('are the families of the vocabulary, by name', () => {
    expect(Object.keys(INDUSTRIES).sort()).toEqual(
      INDUSTRY_FAMILIES.map((family) => family.name).sort(),
    );
  });

  it('never file a word under another family than the vocabulary does', () => {
    const disagreements = Object.entries(INDUSTRIES).flatMap(([name, aliases]) =>
      aliases
        .map((alias) => [alias, industryFamilyOf(alias)?.name ?? name])
        .filter(([, family]) => family !== name)
        .map(([alias, family]) => `${alias}: ${name} here, ${family} in the vocabulary`),
    );
    expect(disagreements).toEqual([]);
  });

  it.each<[string, string]>([
    ['software companies', 'Software'],
    ['SaaS companies', 'Software'],
    ['Computer Software companies', 'Software'],
    ['hospital and health care companies', 'Healthcare'],
  ])('reads %j as the family %j', (text, family) => {
    expect(findIndustries(text).values).toEqual([family]);
    expect(industryFamilyOf(family)?.name).toBe(family);
  });
});
