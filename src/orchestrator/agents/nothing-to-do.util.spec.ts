import { nothingToDo } from './nothing-to-do.util';

describe('nothingToDo', () => {
  it('names what was missing, and what the step did anyway', () => {
    expect(nothingToDo('prospects')).toBe('Nothing to do: no prospects');
    expect(nothingToDo('prospects', 'wrote the header row only')).toBe(
      'Nothing to do: no prospects; wrote the header row only',
    );
  });
});
