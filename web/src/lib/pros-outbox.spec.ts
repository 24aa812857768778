import { isFilterRefused, scopeToProspect } from './pros-outbox';

describe('pros-outbox', () => {
  it("keeps a page that holds only this prospect's messages", () => {
    const page = { items: [{ prospect_id: 'p1' }, { prospect_id: 'p1' }], total: 2 };
    expect(scopeToProspect(page, 'p1')).toEqual({ available: true, items: page.items, total: 2 });
    expect(scopeToProspect({ items: [], total: 0 }, 'p1')).toEqual({
      available: true,
      items: [],
      total: 0,
    });
  });

  it('calls a page with anyone else\'s message "not available" (the filter was ignored)', () => {
    const page = { items: [{ prospect_id: 'p1' }, { prospect_id: 'p2' }], total: 2 };
    expect(scopeToProspect(page, 'p1')).toEqual({ available: false });
  });

  it('treats a 400 or 404 as the filter not being there', () => {
    expect(isFilterRefused({ status: 400 })).toBe(true);
    expect(isFilterRefused({ status: 404 })).toBe(true);
    expect(isFilterRefused({ status: 500 })).toBe(false);
    expect(isFilterRefused(new Error('network'))).toBe(false);
    expect(isFilterRefused(null)).toBe(false);
  });
});
