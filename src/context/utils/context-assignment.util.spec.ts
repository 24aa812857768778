import { assignContext } from './context-assignment.util';

describe('assignContext', () => {
  const doc = { command: 'find VPs', status: 'queued', errors: [{ step: 0 }] };

  it('replaces top-level keys in place, adds new ones, leaves the rest', () => {
    const next = assignContext(doc, { keys: { status: 'running', state: { a: 1 } } });
    expect(next).toEqual({ ...doc, status: 'running', state: { a: 1 } });
    expect(Object.keys(next)).toEqual(['command', 'status', 'errors', 'state']);
    expect(doc.status).toBe('queued');
  });

  it('appends errors, to a fresh list when there is none', () => {
    const entry = { step: 1, message: 'timeout' };
    expect(assignContext(doc, { keys: {}, errors: [entry] }).errors).toEqual([{ step: 0 }, entry]);
    expect(assignContext({ errors: 'bad' }, { keys: {}, errors: [entry] }).errors).toEqual([entry]);
    expect(doc.errors).toEqual([{ step: 0 }]);
  });
});
