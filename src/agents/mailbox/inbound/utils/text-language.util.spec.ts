import { guessLanguage, slashDateOrder } from './text-language.util';

describe('guessLanguage', () => {
  it.each([
    ['I will be back on Monday and out of the office until then.', 'en'],
    ['Ich bin bis zum Montag nicht im Büro und ab Dienstag wieder da.', 'de'],
    ['Je suis de retour le lundi, merci pour votre message.', 'fr'],
    ['Estoy fuera de la oficina hasta el lunes.', 'es'],
    ['12345', 'en'],
  ])('%s → %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });
});

describe('slashDateOrder', () => {
  it('is day first, except for English text that writes named dates month first', () => {
    expect(slashDateOrder('I am out until 03/04/2027.')).toBe('day-first');
    expect(slashDateOrder('I am out from December 22 until 03/04/2027.')).toBe('month-first');
    expect(slashDateOrder('Je suis absent du 22 décembre au 03/04/2027.')).toBe('day-first');
  });
});
