import { isUUID } from 'class-validator';
import { timeOrderedId } from './time-ordered-id.util';

describe('timeOrderedId', () => {
  it('is a version 7 UUID that ParseUUIDPipe and IsUUID accept', () => {
    const id = timeOrderedId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id, 'all')).toBe(true);
  });

  it('sorts by time, the millisecond first', () => {
    const ids = [3, 1, 2].map((ms) => timeOrderedId(1_766_400_000_000 + ms));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    expect(timeOrderedId(0x0102_0304_0506).startsWith('01020304-0506-7')).toBe(true);
  });

  it('differs within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1_766_400_000_000)));
    expect(ids.size).toBe(1000);
  });
});
