import { TEMPLATE_VARIABLES } from '../../email/utils/draft-templates.util';

/** `{{ name }}`: a placeholder, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * What is wrong with the placeholders of a template, one sentence each (empty when nothing):
 * variables the email drafting does not fill (TEMPLATE_VARIABLES), and braces that open or close
 * no placeholder (`{{first_name}`).
 */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) if (!known.has(name)) unknown.add(name);
  for (const name of unknown) {
    problems.push(
      `uses the unknown variable {{${name}}} (known: ${TEMPLATE_VARIABLES.join(', ')})`,
    );
  }
  if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) {
    problems.push('has a {{ or }} that is not part of a {{variable}}');
  }
  return problems;
}

/**
 * A template with each `{{variable}}` replaced by its value (`values`, e.g. the email drafting's
 * templateFields for a prospect); a variable without a value leaves nothing. Values are pasted as
 * they are, never read as placeholders themselves.
 */
export function fillTemplateVariables(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
