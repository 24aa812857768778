import { parseFitScores, prospectForModel } from './llm-fit-scores.util';

describe('parseFitScores', () => {
  const asked = new Set(['a', 'b', 'c']);

  it('keeps valid scores and drops unknown ids, repeats and out-of-range scores', () => {
    const content = JSON.stringify({
      scores: [
        { id: 'a', score: 91.6, reasons: ['  Title   fits ', '', 3] },
        { id: 'a', score: 10, reasons: ['a repeat'] },
        { id: 'zz', score: 50, reasons: ['not asked'] },
        { id: 'b', score: 101, reasons: ['too high'] },
        { id: 'c', score: 40, reasons: [] },
        null,
      ],
    });
    expect([...parseFitScores(content, asked)]).toEqual([
      ['a', { score: 92, reasons: ['Title fits'] }],
      ['c', { score: 40, reasons: ['Scored by the LLM without a reason'] }],
    ]);
  });

  it.each(['not json', '{"scores": "none"}', 'null', '[]'])('gives nothing for %s', (content) => {
    expect(parseFitScores(content, asked).size).toBe(0);
  });
});

describe('prospectForModel', () => {
  it('leaves out contact details', () => {
    const shown = prospectForModel('p1', {
      id: 'x',
      name: 'Ana',
      email: 'ana@example.com',
      linkedin_url: 'https://linkedin.example/ana',
      title: 'CTO',
      company: { name: 'Acme', domain: 'acme.example' },
    });
    expect(JSON.stringify(shown)).not.toMatch(/Ana|example/);
    expect(shown).toMatchObject({ id: 'p1', title: 'CTO', company: { name: 'Acme' } });
  });
});
