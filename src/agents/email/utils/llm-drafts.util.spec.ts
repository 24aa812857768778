import { parseDrafts, prospectForModel } from './llm-drafts.util';

const asked = new Map([
  ['p1', 'Ana'],
  ['p2', 'Ben'],
  ['p3', 'Cleo'],
]);
const good = {
  id: 'p1',
  subject: ' Idea  for Acme ',
  body: 'Hi Ana,\r\n\r\n\r\nShort note.\n\nBest,\nBen',
};

describe('parseDrafts', () => {
  it('keeps well-formed drafts for asked ids, cleaned', () => {
    const drafts = parseDrafts(JSON.stringify({ drafts: [good] }), asked);
    expect([...drafts.entries()]).toEqual([
      ['p1', { subject: 'Idea for Acme', body: 'Hi Ana,\n\nShort note.\n\nBest,\nBen' }],
    ]);
  });

  it('drops what it cannot use', () => {
    const answer = {
      drafts: [
        { ...good, id: 'p9' },
        good,
        { ...good, subject: 'again' },
        { id: 'p2', subject: 'Hi', body: 'Hi [First Name], see https://acme.example' },
        { id: 'p2', subject: 'Hi', body: 'Hi Ben,\u0000 a NUL' },
        { id: 'p3', subject: '', body: 'Body' },
        { id: 'p3', subject: 'x', body: 42 },
        { id: 'p3', subject: 'Swapped', body: 'Hi Ana, this was meant for someone else.' },
        'nonsense',
      ],
    };
    const drafts = parseDrafts(JSON.stringify(answer), asked);
    expect([...drafts.keys()]).toEqual(['p1']);
    expect(drafts.get('p1')!.subject).toBe('Idea for Acme');
  });

  it('gives nothing for an answer that is not a drafts object', () => {
    expect(parseDrafts('not json', asked).size).toBe(0);
    expect(parseDrafts('{"scores":[]}', asked).size).toBe(0);
    expect(parseDrafts('null', asked).size).toBe(0);
  });
});

describe('prospectForModel', () => {
  it('shows what personalises the email, never the address', () => {
    const shown = prospectForModel(
      'p1',
      { id: 'p1', name: 'Ana', email: 'ana@acme.example', company: { name: 'Acme' } },
      'Acme makes tea.',
    );
    expect(JSON.stringify(shown)).not.toContain('ana@acme.example');
    expect(shown).toMatchObject({ id: 'p1', name: 'Ana', company: { summary: 'Acme makes tea.' } });
  });
});
