import type { ProspectInState } from '../../prospects/prospect.types';
import { companyTargets, normaliseDomain } from './company-targets.util';

const at = (company: ProspectInState['company'], id = 'p'): ProspectInState => ({
  id,
  name: 'Someone',
  company,
});

describe('companyTargets', () => {
  it('gives one target per domain, in order, with the website URL or https:// + domain', () => {
    const { targets, withoutDomain } = companyTargets([
      at({ name: 'Acme', domain: 'acme.example' }),
      at({ name: 'Beta', domain: 'beta.example', website_url: 'http://beta.example/home' }),
      at({ name: 'Acme GmbH', domain: 'WWW.Acme.example' }),
      at({ name: 'Gamma', website_url: 'https://www.gamma.example/en' }),
      at({ name: 'No site' }),
    ]);
    expect(targets).toEqual([
      { domain: 'acme.example', name: 'Acme', url: 'https://acme.example', error: undefined },
      { domain: 'beta.example', name: 'Beta', url: 'http://beta.example/home', error: undefined },
      {
        domain: 'gamma.example',
        name: 'Gamma',
        url: 'https://www.gamma.example/en',
        error: undefined,
      },
    ]);
    expect(withoutDomain).toBe(1);
  });

  it('flags a domain that is no host name', () => {
    expect(companyTargets([at({ name: 'X', domain: 'acme corp' })]).targets[0].error).toBe(
      'Not a domain name: acme corp',
    );
  });

  it('tolerates prospects without a company', () => {
    expect(companyTargets([{ id: 'x', name: 'Y' } as ProspectInState]).withoutDomain).toBe(1);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['acme.com/about', 'acme.com'],
    ['acme.com:8080', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['  ', ''],
    ['https://', ''],
  ])('%s → %s', (value, domain) => {
    expect(normaliseDomain(value)).toBe(domain);
  });
});
