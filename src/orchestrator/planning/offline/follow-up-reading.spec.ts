import { readFollowUps } from './follow-up-reading';

/** The waits read, as "3 days" / "4 business days", each with its words. */
function waits(text: string): [string, string][] {
  const reading = readFollowUps(text);
  if (!reading.ok) throw new Error(reading.reason);
  return reading.followUps.map((followUp) => [
    'days' in followUp ? `${followUp.days} days` : `${followUp.business_days} business days`,
    text.slice(followUp.start, followUp.end),
  ]);
}

const refusal = (text: string) => {
  const reading = readFollowUps(text);
  return reading.ok ? 'read' : reading.reason;
};

describe('readFollowUps', () => {
  it('counts the days of a list from the first email: each wait is the gap', () => {
    expect(waits('email them, follow up after 3 and 7 business days unless they reply')).toEqual([
      ['3 business days', 'after 3'],
      ['4 business days', '7 business days'],
    ]);
    expect(waits('follow up after 3, 5 and 9 days')).toEqual([
      ['3 days', 'after 3'],
      ['2 days', '5'],
      ['4 days', '9 days'],
    ]);
    expect(waits('follow up after 3 days and 2 weeks')).toEqual([
      ['3 days', 'after 3 days'],
      ['11 days', '2 weeks'],
    ]);
  });

  it('counts "again", "then" and "another" from the follow-up before', () => {
    expect(waits('follow up after 3 days, then again after 4 days')).toEqual([
      ['3 days', 'after 3 days'],
      ['4 days', 'then again after 4 days'],
    ]);
    expect(
      waits('follow up after 3 days, then after 4 business days, and one more 2 weeks later'),
    ).toEqual([
      ['3 days', 'after 3 days'],
      ['4 business days', 'then after 4 business days'],
      ['14 days', 'and one more 2 weeks later'],
    ]);
    expect(waits('with a follow-up 5 days later and another one after a week')).toEqual([
      ['5 days', '5 days'],
      ['7 days', 'and another one after a week'],
    ]);
    expect(waits('follow up after 2 days and another follow-up after 4 days')).toEqual([
      ['2 days', 'after 2 days'],
      ['4 days', 'and another follow-up after 4 days'],
    ]);
  });

  it('reads a number of follow-ups apart or every so often', () => {
    expect(waits('send 2 follow-ups 3 business days apart')).toEqual([
      ['3 business days', '2 follow-ups 3 business days apart'],
      ['3 business days', '2 follow-ups 3 business days apart'],
    ]);
    expect(waits('follow up twice, 4 working days apart')).toHaveLength(2);
    expect(waits('three follow-ups every 2 days')).toHaveLength(3);
    expect(waits('Send a follow-up in 3 days')).toEqual([['3 days', 'in 3 days']]);
  });

  it('masks the words it read, and reads nothing without follow-ups', () => {
    const text = 'Email CTOs, follow up after 3 days, then again after 4 days. Thanks';
    const reading = readFollowUps(text);
    expect(reading.ok && reading.spans.map((span) => text.slice(span.start, span.end))).toEqual([
      'follow up after 3 days, then again after 4 days',
    ]);
    for (const text of [
      'Draft a follow-up email to CTOs in Berlin',
      'Find CTOs in follow-up meetings',
      'Find CTOs and draft emails',
    ]) {
      expect(readFollowUps(text)).toEqual({ ok: true, followUps: [], spans: [] });
    }
  });

  it.each([
    ['follow up after -1 days', 'a wait is a whole number of days from 1 to 365'],
    ['follow up after 0 days', 'a wait is a whole number of days from 1 to 365'],
    ['follow up after 500 days', 'a wait is a whole number of days from 1 to 365'],
    ['follow up after 60 weeks', 'a wait is a whole number of days from 1 to 365'],
    ['follow up after 1.5 days', 'a wait is a whole number of days from 1 to 365'],
    ['follow up every hour', 'not hours'],
    ['follow up after 12 hours', 'not hours'],
    ['follow up in 2 months', 'say the wait in days, business days or weeks'],
    ['follow up every 3 days', 'say how many follow-ups'],
    ['with 3 follow-ups', 'say when'],
    ['email them with follow-ups', 'say when'],
    ['follow up after 7 and 3 days', 'each must be later than the one before'],
    ['follow up after 3 business days and 7 days', 'all calendar days or all business days'],
    ['two follow-ups after 3, 5 and 7 days', 'it names 2 follow-ups and 3 times'],
    ['15 follow-ups every 2 days', 'at most 14 follow-ups'],
    ['follow up after 3 days, then again after 400 days', 'from 1 to 365'],
    ['follow up after 3 days. Follow up after 5 days', 'when to follow up twice'],
  ])('refuses %j, naming the words: %s', (text, why) => {
    const reason = refusal(text);
    expect(reason).toContain(why);
    expect(reason).toMatch(/^The offline planner cannot follow up as in "[^"]+"/);
  });
});
