import {
  detectIntents,
  findInstructions,
  findTone,
  findUnsupportedAction,
  splitClauses,
} from './command-intents';

const clauseTexts = (text: string) => splitClauses(text).map((clause) => clause.text.trim());
const intents = (text: string) => detectIntents(splitClauses(text));

describe('splitClauses', () => {
  it('splits before a verb, after punctuation, "then" and "and"', () => {
    expect(
      clauseTexts('Find CTOs in Berlin, research them and then draft emails. Export to Excel'),
    ).toEqual(['Find CTOs in Berlin', 'research them', 'draft emails', 'Export to Excel']);
  });

  it('keeps lists whole', () => {
    expect(
      clauseTexts('Find VPs of Sales, Marketing and Product and write short, friendly emails'),
    ).toEqual(['Find VPs of Sales, Marketing and Product', 'write short, friendly emails']);
  });

  it('splits before a verb it does not map, so email instructions end there', () => {
    expect(clauseTexts('Write emails inviting them to our event and translate them')).toEqual([
      'Write emails inviting them to our event',
      'translate them',
    ]);
  });

  it('never splits quoted text', () => {
    expect(clauseTexts('Draft emails "Hi, and send my regards", then export them')).toEqual([
      'Draft emails "Hi, and send my regards"',
      'export them',
    ]);
  });

  it('keeps positions in the text', () => {
    const [, second] = splitClauses('Find CTOs; draft emails');
    expect(second).toEqual({ start: 10, end: 23, text: ' draft emails' });
  });
});

describe('detectIntents', () => {
  it('reads a full pipeline', () => {
    expect(
      intents('Find CTOs, enrich them, rank them, write intro emails, send them and export to CSV'),
    ).toEqual({
      search: true,
      importCsv: false,
      research: true,
      score: true,
      refersToIcp: false,
      draft: true,
      send: true,
      spreadsheet: true,
      csvExport: true,
      googleSheets: false,
    });
  });

  it('tells a CSV to import from a CSV to export to', () => {
    expect(intents('Import the CSV')).toMatchObject({ importCsv: true, spreadsheet: false });
    expect(intents('score the leads in my csv')).toMatchObject({ importCsv: true, score: true });
    expect(intents('export them as a CSV')).toMatchObject({ importCsv: false, csvExport: true });
    expect(intents('upload them to Google Sheets')).toMatchObject({
      importCsv: false,
      googleSheets: true,
    });
  });

  it('reads Google Sheets apart from a spreadsheet', () => {
    expect(intents('export to Google Sheets')).toMatchObject({
      googleSheets: true,
      spreadsheet: false,
    });
    expect(intents('put them in a gsheet and an Excel file')).toMatchObject({
      googleSheets: true,
      spreadsheet: true,
    });
  });

  it.each([
    'send intro emails',
    'email them',
    'Email each of them',
    'reach out to them by email',
    'draft emails and send them',
  ])('reads %j as drafting then sending', (text) => {
    expect(intents(text)).toMatchObject({ draft: true, send: true });
  });

  it.each([
    "draft emails but don't send them",
    'write emails without sending',
    'draft emails, do not send yet',
    'send me the spreadsheet',
    'email us the list',
  ])('does not send for %j', (text) => {
    expect(intents(text).send).toBe(false);
  });

  it.each([
    'prioritise them',
    'prioritize them',
    'qualify the leads',
    'match them against our ICP',
  ])('reads %j as scoring', (text) => {
    expect(intents(text).score).toBe(true);
  });

  it.each([
    'research their companies',
    'get company summaries',
    'look up what the companies do',
    'enrich the list',
  ])('reads %j as company research', (text) => {
    expect(intents(text).research).toBe(true);
  });
});

describe('findTone', () => {
  it('takes the first tone word, and length words only when no other', () => {
    expect(findTone(splitClauses('write short, friendly emails'))).toBe('friendly');
    expect(findTone(splitClauses('write formal but warm emails'))).toBe('formal');
    expect(findTone(splitClauses('write brief emails'))).toBe('direct');
    expect(findTone(splitClauses('write emails'))).toBeUndefined();
  });

  it('does not read industries as tones', () => {
    expect(findTone(splitClauses('email professional services firms'))).toBeUndefined();
    expect(findTone(splitClauses('email direct-to-consumer brands'))).toBeUndefined();
  });
});

describe('findInstructions', () => {
  it('takes what follows a cue, up to the recipients', () => {
    const text = 'draft emails about our new AI feature to Heads of Marketing';
    const found = findInstructions(splitClauses(text));
    expect(found.text).toBe('about our new AI feature');
    expect(found.spans).toEqual([{ start: 13, end: 37 }]);
  });

  it('takes quoted text', () => {
    const found = findInstructions(splitClauses('draft emails "keep it under 80 words"'));
    expect(found.text).toBe('keep it under 80 words');
  });

  it('finds none without a cue', () => {
    expect(findInstructions(splitClauses('draft emails to CTOs')).text).toBeUndefined();
  });
});

describe('findUnsupportedAction', () => {
  it.each<[string, string | undefined]>([
    ['book a demo with them', 'book meetings'],
    ['cold-call the CTOs', 'make phone calls'],
    ['send LinkedIn invites', 'act on LinkedIn'],
    ['WhatsApp them', 'send SMS, WhatsApp or social messages'],
    ['sync the leads to Salesforce', 'update a CRM'],
    ['send a reminder every Monday', 'wait or schedule steps for later'],
    ['find CTOs at companies using Salesforce', undefined],
    ['find CTOs in Germany', undefined],
  ])('reads %j', (text, expected) => {
    expect(findUnsupportedAction(text)).toBe(expected);
  });
});
