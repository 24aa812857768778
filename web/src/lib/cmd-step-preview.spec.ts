import { shortDescription, stepPreviewWords } from './cmd-step-preview';

describe('stepPreviewWords', () => {
  it('names what the step will do and the count of each input', () => {
    expect(
      stepPreviewWords({
        description: 'Sends the drafts',
        inputs: { drafts: { count: 43, first: [] }, sent_before: { count: 2 }, other: 'x' },
      }),
    ).toEqual({ description: 'Sends the drafts', inputs: ['drafts: 43', 'sent before: 2'] });
  });

  it('is empty without a preview', () => {
    expect(stepPreviewWords(undefined)).toEqual({ inputs: [] });
    expect(stepPreviewWords({ inputs: [1] })).toEqual({ description: undefined, inputs: [] });
  });
});

describe('shortDescription', () => {
  it('keeps the first clause', () => {
    expect(shortDescription('Finds prospects matching the criteria (all apply); more')).toBe(
      'Finds prospects matching the criteria',
    );
    expect(shortDescription('Drafts one email (subject and body) per prospect, then')).toBe(
      'Drafts one email per prospect',
    );
    expect(shortDescription(`Does ${'many things '.repeat(10)}`)).toMatch(/^Does many .{60,80}…$/);
    expect(shortDescription('Sends the drafts through SMTP after approval, each once')).toBe(
      'Sends the drafts through SMTP after approval',
    );
    expect(shortDescription(undefined)).toBeUndefined();
    expect(shortDescription('(odd)')).toBeUndefined();
  });
});
