import { firstMessageId, parseMessageIds } from './message-ids.util';

describe('parseMessageIds', () => {
  it('reads bracketed ids without <>, in order', () => {
    expect(parseMessageIds('<a@x.example>\r\n <b@y.example> <c@z>')).toEqual([
      'a@x.example',
      'b@y.example',
      'c@z',
    ]);
  });
  it('reads bare ids separated by spaces or commas, and nothing else', () => {
    expect(parseMessageIds('a@x.example, b@y.example junk')).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
    expect(parseMessageIds(null)).toEqual([]);
    expect(parseMessageIds('')).toEqual([]);
  });
});

describe('firstMessageId', () => {
  it('is the first id or null', () => {
    expect(firstMessageId('<a@x> (comment) <b@y>')).toBe('a@x');
    expect(firstMessageId('no id here')).toBeNull();
  });
});
