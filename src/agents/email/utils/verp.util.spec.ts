import { envelopeSenderFor, parseVerpTag, verpAddressFor } from './verp.util';

const ID = '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55';

describe('verpAddressFor', () => {
  it('adds the outbox id as a plus tag to the local part', () => {
    expect(verpAddressFor('bounces@acme.example', ID)).toBe(`bounces+${ID}@acme.example`);
    expect(verpAddressFor(' bounces@Acme.Example ', ID)).toBe(`bounces+${ID}@Acme.Example`);
  });

  it('keeps a tag the bounce address already has', () => {
    expect(verpAddressFor('mail+zigral@acme.example', ID)).toBe(`mail+zigral+${ID}@acme.example`);
  });

  it.each([
    ['Bounces <bounces@acme.example>', ID],
    ['"odd local"@acme.example', ID],
    ['bounces@localhost', ID],
    ['bounces@acme.example', 'a b'],
    ['bounces@acme.example', 'x@y'],
    ['bounces@acme.example', '-leading'],
    ['bounces@acme.example', ''],
  ])('refuses %s with tag %s', (bounce, tag) => {
    expect(() => verpAddressFor(bounce, tag)).toThrow();
  });

  it('refuses a local part over 64 characters', () => {
    expect(() => verpAddressFor(`${'b'.repeat(28)}@acme.example`, ID)).toThrow(/64/);
    expect(verpAddressFor(`${'b'.repeat(27)}@acme.example`, ID)).toHaveLength(27 + 37 + 13);
  });
});

describe('parseVerpTag', () => {
  const bounce = 'bounces@acme.example';

  it('reads the tag back, with or without angle brackets, any case of the domain', () => {
    expect(parseVerpTag(verpAddressFor(bounce, ID), bounce)).toBe(ID);
    expect(parseVerpTag(`<bounces+${ID}@ACME.example>`, bounce)).toBe(ID);
    expect(parseVerpTag(` bounces+${ID}@acme.example `, 'bounces@Acme.Example')).toBe(ID);
    expect(parseVerpTag(`mail+zigral+${ID}@acme.example`, 'mail+zigral@acme.example')).toBe(ID);
  });

  it.each([
    ['the bounce address itself', 'bounces@acme.example'],
    ['an empty tag', 'bounces+@acme.example'],
    ['another domain', `bounces+${ID}@acme.example.evil`],
    ['a subdomain', `bounces+${ID}@mail.acme.example`],
    ['another local part', `ana+${ID}@acme.example`],
    ['a local part in other case', `Bounces+${ID}@acme.example`],
    ['a longer local part', `xbounces+${ID}@acme.example`],
    ['a tag with a dot', 'bounces+a.b@acme.example'],
    ['a tag ending in a hyphen', 'bounces+abc-@acme.example'],
    ['a display name', `Bounce <bounces+${ID}@acme.example>`],
    ['garbage', 'not an address'],
    ['nothing', ''],
    ['two at signs', `bounces+${ID}@acme.example@acme.example`],
  ])('answers null for %s', (_case, address) => {
    expect(parseVerpTag(address, bounce)).toBeNull();
  });

  it('answers null when the bounce address is not a plain address', () => {
    expect(parseVerpTag(`bounces+${ID}@acme.example`, 'not configured')).toBeNull();
  });
});

describe('envelopeSenderFor', () => {
  it('is the tagged address, the plain one without VERP, or nothing without BOUNCE_ADDRESS', () => {
    const bounceAddress = 'bounces@acme.example';
    expect(envelopeSenderFor({ bounceAddress, verp: true }, ID)).toBe(`bounces+${ID}@acme.example`);
    expect(envelopeSenderFor({ bounceAddress, verp: false }, ID)).toBe(bounceAddress);
    expect(envelopeSenderFor({ verp: true }, ID)).toBeUndefined();
  });
});
