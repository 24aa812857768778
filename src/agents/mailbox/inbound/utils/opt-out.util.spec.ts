import { isOptOutRequest } from './opt-out.util';

describe('isOptOutRequest', () => {
  it.each([
    'Please unsubscribe me.',
    'Remove me from your list, thanks.',
    'Can you take me off your mailing list?',
    'Stop emailing me.',
    'Please do not contact me again.',
    'No, please remove me.',
    'STOP',
    'Unsubscribe',
    'Bitte austragen.',
    'Bitte melden Sie mich ab — abmelden, danke.',
    'Ich möchte keine E-Mails mehr von Ihnen.',
    'Merci de me désinscrire de votre liste.',
    'Je souhaite ne plus recevoir vos messages.',
    'Por favor, darme de baja de su lista.',
    'No quiero recibir más correos.',
  ])('is an opt-out: %s', (text) => {
    expect(isOptOutRequest(text)).toBe(true);
  });

  it.each([
    "I don't want to unsubscribe, tell me more.",
    'Please do not remove me, I like these updates.',
    'Ich möchte mich nicht abmelden, schicken Sie mir Details.',
    'Je ne veux pas me désinscrire.',
    'No quiero darme de baja, cuénteme más.',
    'Thanks, sounds interesting. Can we talk on Thursday?',
    'Stop by our booth at the fair.',
  ])('is not an opt-out: %s', (text) => {
    expect(isOptOutRequest(text)).toBe(false);
  });

  it('reads "remove me from the CC" with a handover as a reply, not an opt-out', () => {
    expect(isOptOutRequest('Can you remove me from the CC and add my colleague Tom?')).toBe(false);
    expect(isOptOutRequest('Please take me off this thread, Tom handles this.')).toBe(false);
  });

  it('still counts a request after a negated one in another clause', () => {
    expect(isOptOutRequest("It's not personal. Please unsubscribe me.")).toBe(true);
  });
});
