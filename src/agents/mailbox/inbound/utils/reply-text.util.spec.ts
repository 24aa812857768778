import { extractNewText, MAX_TEXT_LENGTH } from './reply-text.util';

describe('extractNewText', () => {
  it('drops `>` lines and everything from an "On … wrote:" line, wrapped or not', () => {
    expect(
      extractNewText(
        'Sounds good.\n\nOn Mon, Jan 5, 2026 at 9:00 AM Sam <\nsam@x.example> wrote:\n> Hi',
      ),
    ).toBe('Sounds good.');
    expect(extractNewText('Yes.\n> quoted\nAnd more.')).toBe('Yes.\nAnd more.');
  });

  it.each([
    ['Am 05.01.2026 um 09:00 schrieb Sam Seller <sam@zigral.example>:'],
    ['Le lun. 5 janv. 2026 à 09:00, Sam Seller <sam@zigral.example> a écrit :'],
    ['El lun, 5 ene 2026 a las 9:00, Sam Seller (<sam@zigral.example>) escribió:'],
    ['Den 5 jan. 2026 kl. 09:00 skrev Sam Seller <sam@zigral.example>:'],
    ['-----Original Message-----'],
    ['-----Ursprüngliche Nachricht-----'],
    ['________________________________'],
    ['From: Sam Seller <sam@zigral.example>\nSent: Monday, January 5, 2026 9:00 AM'],
    ['Von: Sam Seller\nGesendet: Montag, 5. Januar 2026 09:00'],
    ['From: Sam Seller Sent: Monday, January 5, 2026 To: Paula'],
    ['-- \nPaula Prospect | Acme'],
  ])('cuts the history at %s', (marker) => {
    expect(extractNewText(`New text.\n\n${marker}\nOld text.`)).toBe('New text.');
  });

  it('keeps a "From:" line that starts no header block', () => {
    expect(extractNewText('From: the team, thanks!\nSee you.')).toBe(
      'From: the team, thanks!\nSee you.',
    );
  });

  it('keeps a line ending "wrote:" that quotes nothing', () => {
    expect(extractNewText('This is what my boss wrote:\n"Go ahead."')).toBe(
      'This is what my boss wrote:\n"Go ahead."',
    );
  });

  it('collapses blank runs and caps the length', () => {
    expect(extractNewText('a\n\n\n\nb')).toBe('a\n\nb');
    expect(extractNewText('x'.repeat(MAX_TEXT_LENGTH + 50))).toHaveLength(MAX_TEXT_LENGTH);
  });
});
