import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.util';

const KEY = 'k'.repeat(32);
const ID = '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55';

describe('unsubscribe tokens', () => {
  it('round-trips the message id', () => {
    const token = signUnsubscribeToken(ID, KEY);
    expect(token).toMatch(/^3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, KEY)).toBe(ID);
  });

  it('differs per message and per key', () => {
    const other = '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a56';
    expect(signUnsubscribeToken(other, KEY)).not.toBe(signUnsubscribeToken(ID, KEY));
    expect(verifyUnsubscribeToken(signUnsubscribeToken(ID, 'x'.repeat(32)), KEY)).toBeUndefined();
  });

  it('refuses a tampered id or signature, and malformed tokens', () => {
    const token = signUnsubscribeToken(ID, KEY);
    const [, sig] = token.split('.');
    expect(
      verifyUnsubscribeToken(`3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a56.${sig}`, KEY),
    ).toBeUndefined();
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect(verifyUnsubscribeToken(`${ID}.${flipped}`, KEY)).toBeUndefined();
    // The last character holds 2 bits base64url decoding drops: only the canonical one counts.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.slice(-1));
    for (const low of [1, 2, 3]) {
      const alias = sig.slice(0, -1) + alphabet[(last & ~3) | ((last + low) & 3)];
      expect(verifyUnsubscribeToken(`${ID}.${alias}`, KEY)).toBeUndefined();
    }
    for (const bad of ['', ID, `${ID}.`, `${ID}.${sig}x`, 'a.b', `${ID.toUpperCase()}.${sig}`]) {
      expect(verifyUnsubscribeToken(bad, KEY)).toBeUndefined();
    }
  });
});
