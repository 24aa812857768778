import { sendKeyOf, touchSendKey } from './send-key.util';

describe('send keys', () => {
  it("keys a job's draft by its send step and prospect", () => {
    const draft = { prospectId: 'p1', enrollmentId: null, touchIndex: null };
    expect(sendKeyOf(draft, 'job-1:2')).toBe('job-1:2:p1');
  });

  it('keys a touch by its enrollment and index, whichever step sends it', () => {
    const touch = { prospectId: 'p1', enrollmentId: 'e-7', touchIndex: 0 };
    expect(touchSendKey('e-7', 0)).toBe('e-7:0');
    expect(sendKeyOf(touch, 'job-1:2')).toBe('e-7:0');
    expect(sendKeyOf({ ...touch, touchIndex: 2 }, 'other:5')).toBe('e-7:2');
  });
});
