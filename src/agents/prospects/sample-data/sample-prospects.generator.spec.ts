import { industryFamilyOf } from '../../../vocabulary/industry-family.util';
import { departmentFromTitle } from '../utils/department.util';
import { seniorityFromTitle } from '../utils/seniority.util';
import { SENIORITIES } from '../prospect.types';
import { generateSampleProspects, SAMPLE_TAG, toAscii } from './sample-prospects.generator';
import { SAMPLE_INDUSTRIES } from './sample-vocabulary';

const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net)|example|test)$/;

describe('generateSampleProspects', () => {
  const prospects = generateSampleProspects();
  const companies = new Map(
    prospects.map((prospect) => [prospect.company!.domain, prospect.company!]),
  );

  it('is deterministic', () => {
    expect(generateSampleProspects()).toEqual(prospects);
    expect(generateSampleProspects({ seed: 7 })).not.toEqual(prospects);
  });

  it('makes at least 1,000 prospects at many companies', () => {
    expect(prospects.length).toBeGreaterThanOrEqual(1000);
    expect(companies.size).toBeGreaterThanOrEqual(150);
  });

  it('uses reserved domains only, for every email and website', () => {
    for (const prospect of prospects) {
      expect(prospect.email!.split('@')[1]).toMatch(RESERVED_DOMAIN);
      expect(new URL(prospect.company!.websiteUrl!).hostname).toMatch(RESERVED_DOMAIN);
      expect(prospect.company!.domain).toMatch(RESERVED_DOMAIN);
      expect(prospect.linkedinUrl).toBeUndefined();
    }
  });

  it('gives every email a plain address, unique', () => {
    const emails = prospects.map((prospect) => prospect.email!);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
  });

  it('flags every prospect as sample data', () => {
    for (const prospect of prospects) expect(prospect.isSample).toBe(true);
  });

  it('gives everyone an obviously fictional surname and the sample tag', () => {
    const stems =
      /^(Example|Sample|Placeholder|Demo|Beispiel|Muster|Probe|Exemple|Modèle|Essai|Voorbeeld|Proef|Monster|Exempel|Prov|Eksempel|Prøve|Esimerkki|Malli|Ejemplo|Muestra)/;
    for (const prospect of prospects) {
      expect(prospect.lastName).toMatch(stems);
      expect(prospect.tags).toContain(SAMPLE_TAG);
    }
  });

  it('names each industry by its family in the industry vocabulary', () => {
    for (const { name } of SAMPLE_INDUSTRIES) expect(industryFamilyOf(name)?.name).toBe(name);
  });

  it('covers every seniority, many titles, industries, countries and sizes', () => {
    const levels = new Set(prospects.map((prospect) => seniorityFromTitle(prospect.title)));
    expect([...levels].sort()).toEqual([...SENIORITIES].sort());
    expect(new Set(prospects.map((prospect) => prospect.title)).size).toBeGreaterThanOrEqual(40);
    const industries = [...companies.values()].map((company) => company.industry!);
    expect(new Set(industries).size).toBeGreaterThanOrEqual(15);
    const software = industries.filter((industry) => industry === 'Software').length;
    expect(software / industries.length).toBeGreaterThan(0.3);
    const countries = new Set([...companies.values()].map((company) => company.country));
    for (const country of [
      'Germany',
      'Austria',
      'Switzerland',
      'United Kingdom',
      'France',
      'Netherlands',
      'Sweden',
      'Denmark',
      'Norway',
      'Finland',
      'United States',
    ]) {
      expect(countries).toContain(country);
    }
    const sizes = [...companies.values()].map((company) => company.employeeCount!);
    expect(Math.min(...sizes)).toBeLessThan(50);
    expect(Math.max(...sizes)).toBeGreaterThan(5000);
  });

  it('has the department each title names', () => {
    for (const prospect of prospects) {
      expect(departmentFromTitle(prospect.title)).toBe(prospect.department);
    }
  });

  it('has VPs of Sales at software companies in Germany with 50 to 500 employees', () => {
    const vps = prospects.filter(
      (prospect) =>
        prospect.title === 'VP of Sales' &&
        prospect.company!.industry === 'Software' &&
        prospect.country === 'Germany' &&
        prospect.company!.employeeCount! >= 50 &&
        prospect.company!.employeeCount! <= 500 &&
        !prospect.optedOut,
    );
    expect(vps.length).toBeGreaterThanOrEqual(5);
  });

  it('puts no two people of one name at one company (they would merge)', () => {
    const keys = prospects.map(
      (prospect) => `${prospect.firstName} ${prospect.lastName}@${prospect.company!.domain}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('folds names to ASCII for emails', () => {
    expect(toAscii('Jürgen Ström Øre Æble Straße')).toBe('jurgen strom ore aeble strasse');
  });
});
