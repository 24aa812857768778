import { jsonBodyProblem, nonObjectBodyProblem } from './json-body';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

describe('jsonBodyProblem', () => {
  it('accepts documents up to the depth limit and refuses deeper ones', () => {
    expect(jsonBodyProblem(nested(64), 64)).toBeUndefined();
    expect(jsonBodyProblem(nested(65), 64)).toBe('JSON nested deeper than 64 levels');
  });

  it('handles scalars, empty containers and very deep input without recursion', () => {
    expect(jsonBodyProblem('text')).toBeUndefined();
    expect(jsonBodyProblem({})).toBeUndefined();
    expect(jsonBodyProblem(nested(100_000))).toBe('JSON nested deeper than 64 levels');
  });

  it('refuses reserved keys at any depth, but not as values', () => {
    expect(jsonBodyProblem({ a: [{ b: { constructor: 1 } }] })).toBe(
      'JSON key "constructor" is reserved and cannot be stored',
    );
    expect(jsonBodyProblem({ prototype: {} })).toContain('"prototype"');
    expect(jsonBodyProblem({ name: 'constructor', toString: 'ok' })).toBeUndefined();
  });
});

describe('nonObjectBodyProblem', () => {
  it('accepts JSON objects, empty or not', () => {
    expect(nonObjectBodyProblem({})).toBeUndefined();
    expect(nonObjectBodyProblem({ a: [1] })).toBeUndefined();
  });

  it.each([
    [42, 'a number'],
    ['s', 'a string'],
    [true, 'a boolean'],
    [[], 'an array'],
    [null, 'null'],
  ])('refuses %j, naming it as %s', (value, kind) => {
    expect(nonObjectBodyProblem(value)).toBe(`The request body must be a JSON object, not ${kind}`);
  });
});
