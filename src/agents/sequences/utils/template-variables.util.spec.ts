import { TEMPLATE_VARIABLES } from '../../email/utils/draft-templates.util';
import { fillTemplateVariables, templateProblems } from './template-variables.util';

describe('templateProblems', () => {
  it('accepts text without placeholders and every variable the drafting fills', () => {
    expect(templateProblems('Hello there')).toEqual([]);
    const all = TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(' ');
    expect(templateProblems(all)).toEqual([]);
    expect(templateProblems('Hi {{ first_name }}, about {{company}}')).toEqual([]);
  });

  it('names each unknown variable once', () => {
    const problems = templateProblems('{{first_name}} {{favourite_colour}} {{favourite_colour}}');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^uses the unknown variable \{\{favourite_colour\}\} \(known: first_name,/,
    );
  });

  it.each([
    ['a name with a space', '{{first name}}', '{{first name}}'],
    ['an empty placeholder', 'Hi {{}}', '{{}}'],
    ['upper case', '{{FIRST_NAME}}', '{{FIRST_NAME}}'],
  ])('refuses %s', (_label, text, named) => {
    expect(templateProblems(text)[0]).toContain(named);
  });

  it.each(['Hi {{first_name}', 'Hi {{first_name', 'Hi first_name}}', '{{first_name}}}}'])(
    'refuses stray braces in %j',
    (text) => {
      expect(templateProblems(text)).toContain('has a {{ or }} that is not part of a {{variable}}');
    },
  );

  it('leaves single braces alone: they are text', () => {
    expect(templateProblems('a {b} c')).toEqual([]);
  });
});

describe('fillTemplateVariables', () => {
  it('fills each placeholder, spaces inside the braces or not, and leaves nothing for no value', () => {
    expect(
      fillTemplateVariables('Hi {{ first_name }}, {{company}}{{summary}}: {{offer}}', {
        first_name: 'Ana',
        company: 'Gamma GmbH',
        offer: 'a pilot',
      }),
    ).toBe('Hi Ana, Gamma GmbH: a pilot');
  });

  it('pastes values as they are, never reading them as placeholders', () => {
    expect(fillTemplateVariables('{{company}}', { company: '{{first_name}} & Co' })).toBe(
      '{{first_name}} & Co',
    );
  });
});
