import { isTyping, moveSelection, queueCommand } from './appr-keys';

describe('approval queue shortcuts', () => {
  const body = { tagName: 'BODY' };

  it('maps j/k, the arrows, a, r, e and Enter', () => {
    expect(queueCommand({ key: 'j', target: body })).toBe('next');
    expect(queueCommand({ key: 'ArrowDown', target: body })).toBe('next');
    expect(queueCommand({ key: 'k', target: body })).toBe('previous');
    expect(queueCommand({ key: 'ArrowUp', target: body })).toBe('previous');
    expect(queueCommand({ key: 'a', target: body })).toBe('approve');
    expect(queueCommand({ key: 'r', target: body })).toBe('reject');
    expect(queueCommand({ key: 'e', target: body })).toBe('edit');
    expect(queueCommand({ key: 'Enter', target: body })).toBe('open');
    expect(queueCommand({ key: 'x', target: body })).toBeNull();
  });

  it('never fires while typing or with a modifier', () => {
    for (const tagName of ['INPUT', 'textarea', 'SELECT']) {
      expect(queueCommand({ key: 'a', target: { tagName } })).toBeNull();
    }
    expect(queueCommand({ key: 'a', target: { tagName: 'DIV', isContentEditable: true } })).toBe(
      null,
    );
    expect(queueCommand({ key: 'r', ctrlKey: true, target: body })).toBeNull();
    expect(queueCommand({ key: 'j', metaKey: true, target: body })).toBeNull();
    expect(isTyping(null)).toBe(false);
  });

  it('leaves Enter to buttons and links', () => {
    expect(queueCommand({ key: 'Enter', target: { tagName: 'BUTTON' } })).toBeNull();
    expect(queueCommand({ key: 'Enter', target: { tagName: 'A' } })).toBeNull();
    expect(queueCommand({ key: 'j', target: { tagName: 'BUTTON' } })).toBe('next');
  });

  it('moves inside the list', () => {
    expect(moveSelection(0, 3, 'next')).toBe(1);
    expect(moveSelection(2, 3, 'next')).toBe(2);
    expect(moveSelection(0, 3, 'previous')).toBe(0);
    expect(moveSelection(-1, 3, 'next')).toBe(0);
    expect(moveSelection(5, 3, 'open')).toBe(2);
    expect(moveSelection(0, 0, 'next')).toBe(-1);
  });
});
