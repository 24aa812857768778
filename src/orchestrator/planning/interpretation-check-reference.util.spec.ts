import type { Interpretation } from './interpretation';
import { answerOf, check, claim, search } from './interpretation-check.spec-helpers';

describe('checkInterpretation with a reference interpretation', () => {
  const command = 'Find CTOs at Acme not in Germany, no reply yet';
  const reference: Interpretation = {
    constraints: [
      { words: 'CTOs', step: 0, param: 'titles', value: 'CTO' },
      { words: 'at Acme', step: 0, param: 'companies', value: 'Acme' },
      { words: 'not in Germany', step: 0, param: 'exclude_countries', value: 'Germany' },
    ],
    not_understood: [{ words: 'no reply yet', kind: 'filter', reason: 'r', suggestion: null }],
  };
  const replyYet = {
    words: 'no reply yet',
    kind: 'filter',
    reason: 'not tracked',
    suggestion: null,
  };

  it('passes when every phrase is honoured or listed, however the model words it', () => {
    const plan = search({ titles: ['CTO'], companies: ['Acme'], exclude_countries: ['Germany'] });
    const answer = answerOf(
      [
        claim('CTOs', 'titles', 'CTO'),
        claim('Acme', 'companies', 'acme'),
        claim('not in Germany', 'exclude_countries', 'Germany'),
      ],
      [replyYet],
    );
    expect(check({ command, plan, answer, reference })).toEqual([]);
  });

  it('catches a dropped company and a dropped narrowing phrase', () => {
    const plan = search({ titles: ['CTO'], exclude_countries: ['Germany'] });
    const answer = answerOf([
      claim('CTOs', 'titles', 'CTO'),
      claim('not in Germany', 'exclude_countries', 'Germany'),
    ]);
    expect(check({ command, plan, answer, reference })).toEqual([
      {
        path: 'interpretation',
        message:
          'the command says "at Acme", which no constraint honours and not_understood does not list: honour it, or list it in not_understood; never drop it',
      },
      expect.objectContaining({ message: expect.stringContaining('"no reply yet"') }),
    ]);
  });

  it('accepts a dropped phrase listed as not understood', () => {
    const plan = search({ titles: ['CTO'], exclude_countries: ['Germany'] });
    const answer = answerOf(
      [claim('CTOs', 'titles', 'CTO'), claim('not in Germany', 'exclude_countries', 'Germany')],
      [
        { words: 'at Acme', kind: 'company', reason: 'unknown company', suggestion: null },
        replyYet,
      ],
    );
    expect(check({ command, plan, answer, reference })).toEqual([]);
  });

  it('does not count an exclusion honoured by an including parameter', () => {
    const issues = check({
      command: 'Find CTOs outside Germany',
      plan: search({ titles: ['CTO'] }),
      answer: answerOf(
        [claim('CTOs', 'titles', 'CTO')],
        [{ words: 'CTOs outside', kind: 'other', reason: 'x', suggestion: null }],
      ),
      reference: {
        constraints: [
          { words: 'outside Germany', step: 0, param: 'exclude_countries', value: 'Germany' },
        ],
        not_understood: [],
      },
    });
    expect(issues).toEqual([
      expect.objectContaining({ message: expect.stringContaining('"outside Germany"') }),
    ]);
  });

  it('does not count a number honoured by words without it', () => {
    const issues = check({
      command: 'Email 20 heads of marketing, follow up after 3 and 7 days',
      plan: search({ titles: ['Head of Marketing'] }),
      answer: answerOf([claim('heads of marketing', 'titles', 'Head of Marketing')]),
      reference: {
        constraints: [
          { words: '20 heads', step: 0, param: 'limit', value: '20' },
          { words: 'heads of marketing', step: 0, param: 'titles', value: 'Head of Marketing' },
        ],
        not_understood: [],
      },
    });
    expect(issues).toEqual([
      expect.objectContaining({ message: expect.stringContaining('the command says "20 heads"') }),
    ]);
  });
});
