import type { InterpretedConstraint } from './interpretation';
import { checkInterpretation } from './interpretation-check.util';
import { answerOf, check, claim, planOf, search } from './interpretation-check.spec-helpers';

const VPS_IN_GERMANY = {
  command: 'Find VPs of Sales in Germany',
  plan: search({ titles: ['VP of Sales'], countries: ['Germany'] }),
};
const faithfulVps = answerOf([
  claim('VPs of Sales', 'titles', 'VP of Sales'),
  claim('in Germany', 'countries', 'germany'),
]);

describe('checkInterpretation', () => {
  it('passes a faithful answer, and returns it', () => {
    expect(checkInterpretation({ ...VPS_IN_GERMANY, answer: faithfulVps })).toEqual({
      ok: true,
      interpretation: faithfulVps,
    });
  });

  it.each([
    [undefined, 'interpretation'],
    [{ constraints: [] }, 'interpretation'],
    [
      answerOf([{ words: '', step: 0, param: 'titles', value: 'x' } as InterpretedConstraint]),
      'interpretation.constraints[0]',
    ],
    [
      answerOf([], [{ words: 'Germny', kind: 'typo', reason: 'r' }]),
      'interpretation.not_understood[0]',
    ],
  ])('refuses a missing or malformed interpretation %#', (answer, path) => {
    expect(check({ ...VPS_IN_GERMANY, answer })[0]).toMatchObject({ path });
  });

  it('takes numbers as text, and a missing suggestion as null', () => {
    const result = checkInterpretation({
      command: 'Find prospects we scored above 70, no reply yet',
      plan: search({ min_score: 70 }),
      answer: answerOf(
        [{ words: 'scored above 70', step: 0, param: 'min_score', value: 70 } as never],
        [{ words: 'no reply yet', kind: 'filter', reason: 'replies are not tracked' }],
      ),
    });
    expect(result).toEqual({
      ok: true,
      interpretation: answerOf(
        [claim('scored above 70', 'min_score', '70')],
        [
          {
            words: 'no reply yet',
            kind: 'filter',
            reason: 'replies are not tracked',
            suggestion: null,
          },
        ],
      ),
    });
  });

  it('refuses words that are not in the command, and allows quotes and spacing to differ', () => {
    const typo = answerOf([
      claim('VPs of Sale', 'titles', 'VP of Sales'),
      claim('Germany', 'countries', 'Germany'),
    ]);
    expect(check({ ...VPS_IN_GERMANY, answer: typo })).toEqual([
      {
        path: 'interpretation.constraints[0]',
        message: `"VPs of Sale" is not in the command: quote the user's exact words`,
      },
    ]);
    const quoted = answerOf([claim('“Acme  Corp”', 'companies', 'acme corp')]);
    expect(
      check({
        command: 'Find CTOs at "Acme Corp"',
        plan: search({ companies: ['Acme Corp'] }),
        answer: quoted,
      }),
    ).toEqual([]);
  });

  it('refuses a constraint its step does not honour: a dropped company', () => {
    const issues = check({
      command: 'Find CTOs at Acme',
      plan: search({ titles: ['CTO'] }),
      answer: answerOf([claim('CTOs', 'titles', 'CTO'), claim('at Acme', 'companies', 'Acme')]),
    });
    expect(issues).toEqual([
      {
        path: 'interpretation.constraints[1]',
        message: expect.stringContaining(
          'claims steps[0].params.companies holds "Acme" for "at Acme", but it does not',
        ),
      },
    ]);
  });

  it('compares scalars as written, and finds values inside objects (icp.countries)', () => {
    const plan = planOf(
      ['prospects.search', { min_score: 70 }],
      ['research.score_fit', { icp: { countries: ['Spain'] }, threshold: 60 }],
    );
    const command =
      'Find prospects we scored above 70, score them for Spain and keep those above 60';
    const answer = answerOf([
      claim('scored above 70', 'min_score', '70'),
      claim('for Spain', 'icp.countries', 'spain', 1),
      claim('above 60', 'threshold', '60.0', 1),
    ]);
    expect(check({ command, plan, answer })).toEqual([
      expect.objectContaining({ path: 'interpretation.constraints[2]' }),
      expect.objectContaining({ path: 'steps[1].params.threshold' }),
    ]);
    expect(
      check({
        command,
        plan,
        answer: answerOf([
          ...answer.constraints.slice(0, 2),
          claim('above 60', 'threshold', '60', 1),
        ]),
      }),
    ).toEqual([]);
    expect(
      check({
        command,
        plan,
        answer: answerOf([claim('for Spain', 'icp.countries', 'spain', 5)]),
      })[0],
    ).toEqual({
      path: 'interpretation.constraints[0]',
      message: 'step 5 is not a step of the plan',
    });
  });

  it('refuses a narrowing value no constraint claims: an invented country', () => {
    const plan = search({ titles: ['VP of Sales'], countries: ['Germany', 'France'] });
    expect(check({ ...VPS_IN_GERMANY, plan, answer: faithfulVps })).toEqual([
      {
        path: 'steps[0].params.countries',
        message:
          '"France" narrows the prospects, but no constraint quotes the words asking for it: remove it unless the user said so',
      },
    ]);
  });

  it('lets sort by name and include_sample go unclaimed, never a limit or another order', () => {
    const command = 'Find CTOs';
    const answer = answerOf([claim('CTOs', 'titles', 'CTO')]);
    const defaults = search({ titles: ['CTO'], sort: 'name', include_sample: false });
    expect(check({ command, plan: defaults, answer })).toEqual([]);
    for (const limit of [10, 100, 1000]) {
      const limited = search({ titles: ['CTO'], limit, sort: '-score' });
      expect(check({ command, plan: limited, answer }).map((issue) => issue.path)).toEqual([
        'steps[0].params.limit',
        'steps[0].params.sort',
      ]);
    }
  });

  it('ignores the params of actions that do not pick prospects', () => {
    const plan = planOf(
      ['prospects.search', { titles: ['CTO'] }],
      ['email.draft', { tone: 'formal' }],
    );
    const answer = answerOf([
      claim('CTOs', 'titles', 'CTO'),
      claim('not too casual', 'tone', 'formal', 1),
    ]);
    expect(check({ command: 'Find CTOs and draft emails, not too casual', plan, answer })).toEqual(
      [],
    );
  });

  describe('negations', () => {
    const command = 'Find CFOs not in Germany, except Acme, no more than 50 employees';

    it('pass when they map to a parameter that leaves out', () => {
      const plan = search({
        titles: ['CFO'],
        exclude_countries: ['Germany'],
        exclude_companies: ['Acme'],
        employees_max: 50,
      });
      const answer = answerOf([
        claim('CFOs', 'titles', 'CFO'),
        claim('not in Germany', 'exclude_countries', 'Germany'),
        claim('except Acme', 'exclude_companies', 'Acme'),
        claim('no more than 50 employees', 'employees_max', '50'),
      ]);
      expect(check({ command, plan, answer })).toEqual([]);
    });

    it('are caught when inverted, whether the words hold the negation or precede it', () => {
      const plan = search({ titles: ['CFO'], countries: ['Germany'], companies: ['Acme'] });
      const answer = answerOf([
        claim('CFOs', 'titles', 'CFO'),
        claim('not in Germany', 'countries', 'Germany'),
        claim('Acme', 'companies', 'Acme'),
      ]);
      const issues = check({ command, plan, answer });
      expect(issues.map((issue) => issue.path)).toEqual([
        'interpretation.constraints[1]',
        'interpretation.constraints[2]',
      ]);
      expect(issues[0].message).toContain(
        '"not in Germany" says to leave something out, but countries keeps only what it names',
      );
    });

    it('are required for an exclusion', () => {
      const issues = check({
        command: 'Find CFOs in Germany',
        plan: search({ exclude_countries: ['Germany'] }),
        answer: answerOf([claim('in Germany', 'exclude_countries', 'Germany')]),
      });
      expect(issues[0].message).toContain(
        'does not say to leave anything out, but exclude_countries leaves it out',
      );
    });

    it('may map to never_emailed and not_contacted_days', () => {
      const plan = search({ never_emailed: true, not_contacted_days: 90 });
      const answer = answerOf([
        claim('skip anyone we already emailed', 'never_emailed', 'true'),
        claim('not contacted in the last 3 months', 'not_contacted_days', '90'),
      ]);
      const command =
        'Find prospects not contacted in the last 3 months, skip anyone we already emailed';
      expect(check({ command, plan, answer })).toEqual([]);
    });
  });

  describe('of a sequence', () => {
    const command = 'Email CTOs, follow up after 3 and 7 business days unless they reply';
    const sequence = (waits: number[]) =>
      planOf(
        ['prospects.search', { titles: ['CTO'] }],
        [
          'sequences.create',
          {
            name: 'CTOs',
            steps: [
              { type: 'email', draft: 'llm' },
              ...waits.flatMap((days) => [
                { type: 'wait', business_days: days },
                { type: 'email', draft: 'llm' },
              ]),
            ],
          },
        ],
      );
    const claims = [
      claim('CTOs', 'titles', 'CTO'),
      claim('after 3', 'steps.1.business_days', '3', 1),
      claim('7 business days', 'steps.3.business_days', '4', 1),
    ];
    const replies = [{ words: 'unless they reply', kind: 'other', reason: 'the sequence stops' }];

    it('finds each wait in the list of steps', () => {
      expect(check({ command, plan: sequence([3, 4]), answer: answerOf(claims, replies) })).toEqual(
        [],
      );
      const wrong = answerOf([claims[0], claims[1], { ...claims[2], value: '7' }], replies);
      expect(check({ command, plan: sequence([3, 4]), answer: wrong })).toContainEqual(
        expect.objectContaining({
          path: 'interpretation.constraints[2]',
          message: expect.stringContaining('steps[1].params.steps.3.business_days holds "7"'),
        }),
      );
    });

    it('refuses a follow-up nobody asked for', () => {
      expect(
        check({ command, plan: sequence([3, 4, 5]), answer: answerOf(claims, replies) }),
      ).toEqual([
        {
          path: 'steps[1].params.steps.5.business_days',
          message:
            '"5" schedules a follow-up, but no constraint quotes the words asking for it: remove it unless the user said so',
        },
      ]);
    });
  });
});
