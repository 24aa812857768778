import { seniorityFromTitle } from './seniority.util';

describe('seniorityFromTitle', () => {
  it.each([
    ['Founder', 'founder'],
    ['Co-Founder & CTO', 'founder'],
    ['CEO & Founder', 'founder'],
    ['Owner', 'founder'],
    ['Gründerin', 'founder'],
    ['CEO', 'c_level'],
    ['Chief Revenue Officer', 'c_level'],
    ['President', 'c_level'],
    ['Managing Director', 'c_level'],
    ['Geschäftsführer', 'c_level'],
    ['Managing Partner', 'c_level'],
    ['Partner', 'c_level'],
    ['VP of Sales', 'vp'],
    ['VP Sales', 'vp'],
    ['Vice President, Sales', 'vp'],
    ['Senior Vice President of Marketing', 'vp'],
    ['SVP Sales', 'vp'],
    ['Assistant Vice President', 'vp'],
    ['Head of Sales', 'director'],
    ['Sales Director', 'director'],
    ['Senior Director, Engineering', 'director'],
    ['Associate Director of Product', 'director'],
    ['Vertriebsleiter', 'director'],
    ['Sales Manager', 'manager'],
    ['Senior Manager, Customer Success', 'manager'],
    ['Channel Partner Manager', 'manager'],
    ['Team Lead Engineering', 'manager'],
    ['Teamleiterin Vertrieb', 'manager'],
    ['Design Lead', 'manager'],
    ['Senior Account Executive', 'senior'],
    ['Sr. Software Engineer', 'senior'],
    ['Principal Engineer', 'senior'],
    ['Lead Engineer', 'senior'],
    ['Junior Account Executive', 'entry'],
    ['Sales Development Representative', 'entry'],
    ['SDR', 'entry'],
    ['Marketing Intern', 'entry'],
    ['Werkstudent Marketing', 'entry'],
    ['Executive Assistant to the CEO', 'entry'],
    ['Junior Product Manager', 'entry'],
  ])('%s → %s', (title, level) => {
    expect(seniorityFromTitle(title)).toBe(level);
  });

  it.each(['Account Executive', 'Software Engineer', 'Product Owner', 'Consultant', ''])(
    'states no seniority in %p',
    (title) => {
      expect(seniorityFromTitle(title)).toBeUndefined();
    },
  );

  it('takes null and undefined', () => {
    expect(seniorityFromTitle(null)).toBeUndefined();
    expect(seniorityFromTitle(undefined)).toBeUndefined();
  });

  it('does not read C-level acronyms inside words', () => {
    expect(seniorityFromTitle('Director of Sales')).toBe('director');
    expect(seniorityFromTitle('Coordinator')).toBeUndefined();
  });
});
