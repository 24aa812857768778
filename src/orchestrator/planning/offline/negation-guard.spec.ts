import { guardNegations } from './negation-guard';
import { maskSpans } from './text-matching';

/** Guards `text` with the given words (understood by readers) masked. */
function guard(text: string, understood: string[] = []) {
  const spans = understood.map((words) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length };
  });
  const reading = guardNegations(text, maskSpans(text, spans));
  return {
    phrases: reading.unclear.map(({ start, end, kind }) => [text.slice(start, end), kind]),
    actions: reading.actions.map(({ start, end, steps }) => [text.slice(start, end), steps]),
  };
}

describe('guardNegations', () => {
  it('refuses the phrase a leftover negation governs, to the end of its clause', () => {
    expect(guard("Find engineers who don't work at Google").phrases).toEqual([
      ["don't work at Google", 'exclusion'],
    ]);
    expect(guard("Find CTOs that aren't in France and draft emails").phrases).toEqual([
      ["aren't in France", 'exclusion'],
    ]);
    expect(guard('Find managers, not directors, in Berlin').phrases).toEqual([
      ['not directors', 'exclusion'],
    ]);
    expect(guard('Find engineers in France (not Paris)').phrases).toEqual([
      ['not Paris', 'exclusion'],
    ]);
  });

  it('knows the other ways to say no', () => {
    const phrases = (text: string) => guard(text).phrases.map(([words]) => words);
    expect(phrases('Find CFOs anywhere but Germany')).toEqual(['anywhere but Germany']);
    expect(phrases('Find founders but no one from Google')).toEqual(['no one from Google']);
    expect(phrases('Find VPs in Germany excl. SAP')).toEqual(['excl. SAP']);
    expect(phrases('Find CTOs in Germany w/o Siemens')).toEqual(['w/o Siemens']);
    expect(phrases('Find CFOs in Italy, leave out Fiat')).toEqual(['leave out Fiat']);
    expect(phrases('Find founders in Germany, no consultants')).toEqual(['no consultants']);
  });

  it('leaves negations a reader consumed alone', () => {
    expect(guard('Find CTOs not in Germany', ['not in Germany'])).toEqual({
      phrases: [],
      actions: [],
    });
  });

  it('reads a negated action as ruling out its steps', () => {
    expect(guard('Email CTOs in Germany, but hold off on sending').actions).toEqual([
      ['hold off on sending', ['email.send']],
    ]);
    expect(guard("Find CFOs in France, just export, don't draft anything").actions).toEqual([
      ["don't draft", ['email.draft']],
    ]);
    expect(guard('Draft emails, but wait before sending').actions).toEqual([
      ['wait before sending', ['email.send']],
    ]);
    expect(guard('Find CTOs with no score')).toEqual({
      phrases: [['no score', 'exclusion']],
      actions: [],
    });
  });

  it('refuses a negated tone as kind other: it does not narrow the audience', () => {
    expect(guard('Find CTOs and draft emails, not too casual').phrases).toEqual([
      ['not too casual', 'other'],
    ]);
  });
});
