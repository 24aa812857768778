import { searchOrder } from './prospect-search.order';

describe('searchOrder', () => {
  it('orders by name, then id, by default', () => {
    expect(searchOrder()).toEqual([
      { column: 'p.name', direction: 'ASC' },
      { column: 'p.id', direction: 'ASC' },
    ]);
    expect(searchOrder('name')).toEqual(searchOrder());
  });

  it('orders by score either way with unscored prospects last, then by name', () => {
    expect(searchOrder('-score')).toEqual([
      { column: 'p.fitScore', direction: 'DESC', nulls: 'NULLS LAST' },
      ...searchOrder(),
    ]);
    expect(searchOrder('score')[0]).toEqual({
      column: 'p.fitScore',
      direction: 'ASC',
      nulls: 'NULLS LAST',
    });
  });
});
