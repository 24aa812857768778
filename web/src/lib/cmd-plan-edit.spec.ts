import {
  commandContext,
  draftChanges,
  editedPlanBody,
  fieldKind,
  fromDraft,
  paramLabel,
  toDraft,
} from './cmd-plan-edit';

describe('plan editing', () => {
  const params = {
    titles: ['VP of Sales', 'CTO'],
    limit: 50,
    tone: 'friendly',
    never_emailed: true,
    icp: { titles: ['CTO'] },
  };

  it('sorts values into the kinds a form can edit', () => {
    expect(fieldKind(3)).toBe('number');
    expect(fieldKind('x')).toBe('text');
    expect(fieldKind(false)).toBe('boolean');
    expect(fieldKind(['a', 2])).toBe('list');
    expect(fieldKind([{ a: 1 }])).toBe('fixed');
    expect(fieldKind({ a: 1 })).toBe('fixed');
  });

  it('starts the form from the plan and gives the plan back unchanged', () => {
    const draft = toDraft(params);
    expect(draft).toEqual({
      titles: 'VP of Sales\nCTO',
      limit: '50',
      tone: 'friendly',
      never_emailed: true,
    });
    expect(fromDraft(params, draft)).toEqual({ params, errors: {} });
    expect(draftChanges(params, draft)).toBe(false);
  });

  it('reads edited values: lists one a line, numbers, emptied values removed', () => {
    const draft = {
      ...toDraft(params),
      titles: ' CTO \n\nCFO',
      limit: '10',
      tone: '',
      never_emailed: false,
    };
    expect(fromDraft(params, draft)).toEqual({
      params: { titles: ['CTO', 'CFO'], limit: 10, never_emailed: false, icp: { titles: ['CTO'] } },
      errors: {},
    });
    expect(draftChanges(params, draft)).toBe(true);
  });

  it('names values that are not numbers', () => {
    const result = fromDraft({ limit: 5, days: [3, 7] }, { limit: 'ten', days: '3\nx' });
    expect(result.errors).toEqual({ limit: 'Enter a number.', days: 'Enter one number a line.' });
    expect(fromDraft({ days: [3, 7] }, { days: '2\n5' }).params).toEqual({ days: [2, 5] });
  });

  it('builds a POST /jobs preview body with the context filled in only', () => {
    expect(
      editedPlanBody({
        objective: 'Find CTOs',
        jobType: 'prospecting',
        steps: [{ agent: 'prospects', action: 'search', params: { titles: ['CTO'] } }],
        context: commandContext({ sender: ' Ana ', offer: '  ' }),
      }),
    ).toEqual({
      objective: 'Find CTOs',
      job_type: 'prospecting',
      steps: [{ agent: 'prospects', action: 'search', params: { titles: ['CTO'] } }],
      context: { sender: 'Ana' },
      run: false,
    });
    expect(
      editedPlanBody({ objective: 'o', jobType: 't', steps: [], context: {} }),
    ).not.toHaveProperty('context');
  });

  it('labels parameters like the plan description does', () => {
    expect(paramLabel('titles')).toBe('Titles');
    expect(paramLabel('employees_min')).toBe('Company size, at least (employees)');
    expect(paramLabel('follow_up_days')).toBe('Follow up days');
  });
});
