import {
  buildOutgoingMail,
  domainOfAddress,
  messageIdFor,
  unsubscribeUrl,
} from './outgoing-message.util';

describe('outgoing messages', () => {
  it('derives a stable Message-ID from the key, at the sender domain', () => {
    const id = messageIdFor('job-1:3:p1', 'Ana from Acme <ana@Acme.Example>');
    expect(id).toMatch(/^<[0-9a-f]{32}@acme\.example>$/);
    expect(messageIdFor('job-1:3:p1', 'ana@acme.example')).toBe(id);
    expect(messageIdFor('job-1:3:p2', 'ana@acme.example')).not.toBe(id);
    expect(domainOfAddress('no address')).toBe('zigral.invalid');
  });

  it('adds both unsubscribe headers and the unsubscribe line', () => {
    const url = unsubscribeUrl('https://zigral.example.com', 'abc.def');
    expect(url).toBe('https://zigral.example.com/unsubscribe/abc.def');
    const mail = buildOutgoingMail({
      from: 'ana@acme.example',
      to: 'ben@beta.example',
      name: 'Ben',
      subject: 'Hello',
      body: 'Hi Ben,\n\nBest,\nAna\n\n',
      messageId: '<x@acme.example>',
      unsubscribeUrl: url,
    });
    expect(mail.to).toEqual({ name: 'Ben', address: 'ben@beta.example' });
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.text).toBe(
      `Hi Ben,\n\nBest,\nAna\n\n--\nTo stop receiving these emails, unsubscribe here: ${url}\n`,
    );
    // A first message (and every job draft) is no reply: no threading headers at all.
    expect(mail).not.toHaveProperty('inReplyTo');
    expect(mail).not.toHaveProperty('references');
    // Without BOUNCE_ADDRESS the transport takes the envelope from the headers, as before.
    expect(mail).not.toHaveProperty('envelope');
  });

  it('gives the envelope its own sender, with the recipient, when one is set (BOUNCE_ADDRESS)', () => {
    const mail = buildOutgoingMail({
      from: 'Ana <ana@acme.example>',
      to: 'ben@beta.example',
      name: 'Ben',
      subject: 'Hello',
      body: 'Hi Ben',
      messageId: '<x@acme.example>',
      unsubscribeUrl: 'https://zigral.example.com/unsubscribe/t',
      envelopeFrom: 'bounces+abc@acme.example',
    });
    expect(mail.envelope).toEqual({ from: 'bounces+abc@acme.example', to: 'ben@beta.example' });
    expect(mail.from).toBe('Ana <ana@acme.example>');
  });

  it('threads a follow-up: In-Reply-To the previous message, References the chain', () => {
    const mail = buildOutgoingMail({
      from: 'ana@acme.example',
      to: 'ben@beta.example',
      name: null,
      subject: 'Re: Hello',
      body: 'Hi again',
      messageId: '<c@acme.example>',
      unsubscribeUrl: 'https://zigral.example.com/unsubscribe/t',
      inReplyTo: '<b@acme.example>',
      references: '<a@acme.example> <b@acme.example>',
    });
    expect(mail).toMatchObject({
      to: 'ben@beta.example',
      subject: 'Re: Hello',
      messageId: '<c@acme.example>',
      inReplyTo: '<b@acme.example>',
      references: '<a@acme.example> <b@acme.example>',
    });
    const first = buildOutgoingMail({
      from: 'ana@acme.example',
      to: 'ben@beta.example',
      name: null,
      subject: 'Hello',
      body: 'Hi',
      messageId: '<a@acme.example>',
      unsubscribeUrl: 'https://zigral.example.com/unsubscribe/t',
      inReplyTo: null,
      references: null,
    });
    expect(first).not.toHaveProperty('inReplyTo');
    expect(first).not.toHaveProperty('references');
  });
});
