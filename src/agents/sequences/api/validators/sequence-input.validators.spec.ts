import { validateSync } from 'class-validator';
import { IsIdList, IsLaterThan, IsOneOf, IsWaitLength } from './sequence-input.validators';

/** The messages validation gives an object of `type` with `values`. */
function messages<T extends object>(type: new () => T, values: Partial<T>): string[] {
  const object = Object.assign(new type(), values);
  return validateSync(object).flatMap((error) => Object.values(error.constraints ?? {}));
}

class Wait {
  @IsWaitLength('business_days', { first: true })
  days?: unknown;
  @IsWaitLength('days', { first: false })
  business_days?: unknown;
}

class Window {
  start?: unknown;
  @IsLaterThan('start')
  end?: unknown;
}

class Target {
  @IsOneOf(['ids', 'filter'])
  @IsIdList(3)
  ids?: unknown;
  filter?: unknown;
}

describe('IsWaitLength', () => {
  it.each([{ days: 1 }, { days: 365 }, { business_days: 1 }, { business_days: 365 }])(
    'accepts %j',
    (values) => expect(messages(Wait, values)).toEqual([]),
  );

  it.each([
    [{}, 'days or business_days is required: a wait of 1 to 365 days'],
    [{ days: 0 }, 'days must be a whole number from 1 to 365, not 0'],
    [{ days: 366 }, 'days must be a whole number from 1 to 365, not 366'],
    [{ days: 2.5 }, 'days must be a whole number from 1 to 365, not 2.5'],
    [{ days: null }, 'days must be a whole number from 1 to 365, not null'],
    [{ business_days: -1 }, 'business_days must be a whole number from 1 to 365, not -1'],
    [{ days: 2, business_days: 3 }, 'business_days cannot be given with days: choose one'],
  ])('refuses %j with one message naming the field', (values, message) => {
    expect(messages(Wait, values)).toEqual([message]);
  });
});

describe('IsLaterThan', () => {
  it('accepts an end after the start, and leaves other problems to the format checks', () => {
    expect(messages(Window, { start: '09:00', end: '09:01' })).toEqual([]);
    expect(messages(Window, { start: 'nine', end: '09:00' })).toEqual([]);
  });

  it.each([
    ['09:00', '09:00'],
    ['17:00', '08:00'],
  ])('refuses %s to %s', (start, end) => {
    expect(messages(Window, { start, end })).toEqual([
      `end must be later than start (${start}): the window would have no hours`,
    ]);
  });
});

describe('IsOneOf and IsIdList', () => {
  const id = '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55';

  it('accepts ids alone or a filter alone', () => {
    expect(messages(Target, { ids: [id] })).toEqual([]);
    expect(messages(Target, { filter: {} })).toEqual([]);
  });

  it.each([
    [{}, 'ids or filter is required'],
    [{ ids: [id], filter: {} }, 'ids cannot be given with filter'],
    [{ ids: [] }, 'ids must list at least one id'],
    [{ ids: id }, 'ids must be a list of UUIDs'],
    [{ ids: [id, 'x'] }, 'ids must hold UUIDs only, not "x"'],
    [{ ids: [id, id, id, id] }, 'ids must list at most 3 ids (4 given)'],
  ])('refuses %j', (values, message) => {
    expect(messages(Target, values)).toEqual([message]);
  });
});
