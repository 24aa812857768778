import { describeRefusal, refusalDetail } from './cmd-refusal';

describe('describeRefusal', () => {
  it('names each phrase of a partly understood command, with its suggestion', () => {
    const refusal = describeRefusal({
      status: 422,
      body: {
        error: 'command_partly_understood',
        message: 'The plan would not honour "Germny"',
        details: [
          { words: 'Germny', kind: 'place', suggestion: 'Germany?', reason: 'no such place' },
          { words: 'from our mailing list', kind: 'list', suggestion: null, reason: 'no list' },
        ],
      },
    });
    expect(refusal).toMatchObject({
      kind: 'partly_understood',
      title: 'Part of the command was not understood',
      phrases: [
        { words: 'Germny', reason: 'no such place', suggestion: 'Germany?' },
        { words: 'from our mailing list', reason: 'no list', suggestion: null },
      ],
      problems: [],
    });
  });

  it('cuts the general help off a command that was not understood', () => {
    const refusal = describeRefusal({
      status: 422,
      body: {
        error: 'command_not_understood',
        message:
          'The offline planner does not understand "Asdf". Without an LLM, Zigral understands commands that find prospects',
      },
    });
    expect(refusal?.kind).toBe('not_understood');
    expect(refusal?.detail).toBe('The offline planner does not understand "Asdf".');
  });

  it('lists missing inputs by step', () => {
    const refusal = describeRefusal({
      status: 422,
      body: {
        error: 'missing_input',
        message: 'The command needs inputs it was not given',
        details: [{ path: 'steps[1]', message: 'email.draft needs a sender', missing: [] }],
      },
    });
    expect(refusal?.problems).toEqual(['Step 2: email.draft needs a sender']);
    expect(refusal?.next).toMatch(/sender, offer/);
  });

  it('names the parameter of a dotted path', () => {
    const refusal = describeRefusal({
      status: 422,
      body: {
        error: 'invalid_plan',
        message: 'x',
        details: [{ path: 'steps.0.params.limit', message: 'too big' }],
      },
    });
    expect(refusal?.problems).toEqual(['Step 1 (limit): too big']);
  });

  it('is undefined for other errors', () => {
    expect(describeRefusal({ status: 500, body: { error: 'x' } })).toBeUndefined();
    expect(describeRefusal({ status: 422, body: { error: 'something_else' } })).toBeUndefined();
    expect(describeRefusal(new Error('network'))).toBeUndefined();
    expect(describeRefusal(undefined)).toBeUndefined();
  });

  it('keeps a message without help text whole', () => {
    expect(refusalDetail('  Plain message. ')).toBe('Plain message.');
  });
});
