import { departmentFromTitle } from './department.util';

describe('departmentFromTitle', () => {
  it.each([
    ['VP of Sales', 'Sales'],
    ['Account Executive', 'Sales'],
    ['Head of Sales & Marketing', 'Sales'],
    ['Director of Demand Generation', 'Marketing'],
    ['Senior Software Engineer', 'Engineering'],
    ['CTO', 'Engineering'],
    ['Co-founder & CTO', 'Engineering'],
    ['Chief Revenue Officer', 'Sales'],
    ['Head of People', 'HR'],
    ['Head of IT', 'IT'],
    ['Customer Success Manager', 'Customer Success'],
    ['Senior Data Analyst', 'Data'],
    ['Product Manager', 'Product'],
    ['Product Marketing Manager', 'Marketing'],
    ['Senior Product Designer', 'Design'],
    ['General Counsel', 'Legal'],
    ['Founder & CEO', 'Management'],
    ['Managing Director', 'Management'],
  ])('%s → %s', (title, department) => {
    expect(departmentFromTitle(title)).toBe(department);
  });

  it('names none for a title without a department', () => {
    expect(departmentFromTitle('Consultant')).toBeUndefined();
    expect(departmentFromTitle(null)).toBeUndefined();
  });
});
