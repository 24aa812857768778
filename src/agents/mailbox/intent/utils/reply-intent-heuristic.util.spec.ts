import type { ReplyIntent } from '../reply-intent.types';
import { classifyReplyIntentHeuristic, normaliseReply } from './reply-intent-heuristic.util';

const FROM = 'ben@beta.example';
const classify = (text: string, from: string | null = FROM, subject = 'Re: Quick question') =>
  classifyReplyIntentHeuristic({ subject, text, from });

describe('classifyReplyIntentHeuristic', () => {
  describe('interested vs not interested: negation decides', () => {
    it.each<[string, ReplyIntent]>([
      ['Interested, tell me more.', 'interested'],
      ["I'm interested.", 'interested'],
      ['Not interested.', 'not_interested'],
      ["I'm not interested, thanks.", 'not_interested'],
      ["We're not really interested in this.", 'not_interested'],
      ['We are no longer interested.', 'not_interested'],
      ['No interest on our side.', 'not_interested'],
      ['Ich bin interessiert.', 'interested'],
      ['Wir sind nicht interessiert.', 'not_interested'],
      ['Danke, kein Interesse.', 'not_interested'],
      ['Großes Interesse! Wann passt es Ihnen?', 'interested'],
      ['Je suis intéressé.', 'interested'],
      ['Ça ne nous intéresse pas.', 'not_interested'],
      ['Je ne suis pas intéressée, merci.', 'not_interested'],
      ['Estoy interesado, hablemos.', 'interested'],
      ['No estamos interesados.', 'not_interested'],
      ['No me interesa, gracias.', 'not_interested'],
    ])('%s → %s', (text, intent) => {
      expect(classify(text)).toBe(intent);
    });
  });

  describe('interested', () => {
    it.each<string>([
      'Sounds good, what times work for you next week?',
      "Let's talk. Are you free Thursday at 3pm?",
      'Happy to chat — here is my calendly: https://calendly.com/ben',
      'Could you send me more information and pricing?',
      'Yes please, book a call with me.',
      'How much does it cost for a team of 10?',
      'Klingt gut, lassen Sie uns telefonieren.',
      'Gerne, schicken Sie mir mehr Informationen.',
      'Avec plaisir, envoyez-moi une proposition de rendez-vous.',
      'Suena bien, ¿podemos tener una llamada el martes?',
      "Sounds good — I've cc'd my assistant Maria to find a time.",
      'Thanks for reaching out. Could you call me next week?',
      'Can you send me a case study?',
      'Yes!',
      'Interessant! Rufen Sie mich an.',
    ])('%s', (text) => {
      expect(classify(text)).toBe('interested');
    });
  });

  describe('not now', () => {
    it.each<string>([
      'Maybe next quarter.',
      'Not right now, but reach out again later this year.',
      'Interesting, but timing is not right. Try me in Q3.',
      'We have no budget this year; circle back in a few months.',
      'Not interested at the moment.',
      'Interested, but not until next year.',
      'Derzeit nicht, melden Sie sich gerne im nächsten Quartal.',
      'Kein Interesse im Moment.',
      'Vielleicht später im Jahr.',
      'Pas pour le moment, recontactez-moi plus tard.',
      'Pas intéressés pour l’instant.',
      'Ahora no, quizás el próximo trimestre.',
      'No nos interesa por ahora.',
      'Más adelante, dentro de unos meses.',
      'Unfortunately we are not in a position to buy right now.',
      'Not for now, thanks.',
    ])('%s', (text) => {
      expect(classify(text)).toBe('not_now');
    });
  });

  describe('not interested', () => {
    it.each<string>([
      'No thanks.',
      "We're all set, we already have a solution for this.",
      'Not a fit for us.',
      "Please don't contact me again.",
      'Remove me from your list.',
      'Not interested, and please never email me again, not even next year.',
      'Nein danke, kein Bedarf.',
      'Bitte keine weiteren E-Mails.',
      'Non merci, pas besoin.',
      'No, gracias. No lo necesitamos.',
      'We have just signed with a competitor.',
      'No.',
      'Stop.',
      'Bitte nehmen Sie mich aus dem Verteiler.',
      "Don't call me.",
    ])('%s', (text) => {
      expect(classify(text)).toBe('not_interested');
    });
  });

  describe('referral', () => {
    it.each<string>([
      'Please reach out to my colleague Anna (anna@x.com).',
      'Not my area — contact Anna directly, she runs purchasing.',
      'The right person is our Head of Sales, Tom Becker.',
      "I'm no longer at Beta, please write to anna@beta.example instead.",
      'I have forwarded your email to our IT team.',
      'Not interested myself, but talk to my manager.',
      "I'm cc'ing my colleague who handles this.",
      'Bitte wenden Sie sich an meinen Kollegen Herrn Müller.',
      'Zuständig ist Frau Schmidt (schmidt@beta.example).',
      'Contactez ma collègue Julie, elle est responsable des achats.',
      'Contacte con mi compañera Lucía, ella lleva este tema.',
      'Please talk to our procurement team.',
      'Je transmets à mon collègue.',
    ])('%s', (text) => {
      expect(classify(text)).toBe('referral');
    });

    it('needs an address other than the sender’s, with a word asking to write to it', () => {
      expect(classify('Write to anna@beta.example.')).toBe('referral');
      expect(classify('You can write to ben@beta.example.', 'Ben@Beta.example')).toBe('unclear');
      // An address in a signature is no referral.
      expect(classify('No thanks.\n--\nBen | ben@beta.example | office@beta.example')).toBe(
        'not_interested',
      );
    });

    it('is no referral to be told to talk to the writer', () => {
      expect(classify('Sure, reach out to me directly at my mobile.')).not.toBe('referral');
      expect(classify("Please don't contact our team again.")).toBe('not_interested');
    });
  });

  describe('wrong person', () => {
    it.each<string>([
      "I'm no longer at Beta GmbH.",
      'I no longer work there.',
      'Wrong person, sorry.',
      "I'm not the right person for this.",
      'I left the company in March.',
      'Ich bin nicht mehr bei der Beta GmbH tätig.',
      'Da sind Sie bei mir falsch — falsche Person.',
      'Je ne travaille plus chez Beta.',
      'Ya no trabajo en Beta.',
    ])('%s', (text) => {
      expect(classify(text)).toBe('wrong_person');
    });

    it('is not "I left you a voicemail"', () => {
      expect(classify('I left you a voicemail, sounds good — let’s talk.')).toBe('interested');
    });
  });

  describe('unclear', () => {
    it.each<string>(['', '   ', 'Who is this?', 'Thanks.', 'Received.', 'What is this about?'])(
      '%j',
      (text) => {
        expect(classify(text, FROM, '')).toBe('unclear');
      },
    );
  });

  it('reads the new text only, not the quoted message it answers', () => {
    const quoted = [
      'No thanks.',
      '',
      'On Mon, 3 Mar 2025 at 10:00, Ana <ana@zigral.example> wrote:',
      '> Would you be interested in a call? Sounds good?',
    ].join('\n');
    expect(classify(quoted)).toBe('not_interested');
    expect(classify('> Are you interested?\nNot interested.')).toBe('not_interested');
    expect(
      classify('Gerne!\n\nAm 3. März 2025 schrieb Ana <ana@zigral.example>:\n> Kein Interesse?'),
    ).toBe('interested');
  });

  it('falls back on the subject when the body is empty', () => {
    expect(classify('', FROM, 'Not interested')).toBe('not_interested');
    expect(classify('> quoted only', FROM, 'Re: Sounds good')).toBe('interested');
  });
});

describe('normaliseReply', () => {
  it('lowercases, drops accents, straightens apostrophes and collapses spaces', () => {
    expect(normaliseReply('  Ça  NE m’intéresse\n pas – Nächstes Jahr ')).toBe(
      "ca ne m'interesse pas – nachstes jahr",
    );
  });
});
