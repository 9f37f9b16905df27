import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';

describe('secret box', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('abcdefghijklmnop');
    expect(sealed).not.toContain('abcdefghijklmnop');
    expect(box.open(sealed)).toBe('abcdefghijklmnop');
  });

  it('uses a fresh nonce for every seal', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret', () => {
    const sealed = box.seal('授权码');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('secret box key rotation', () => {
  const oldKey = crypto.randomBytes(32);
  const newKey = crypto.randomBytes(32);
  const sealedWithOld = createSecretBox(oldKey).seal('alice-auth-code');

  it('opens a secret sealed with the previous key', () => {
    expect(createSecretBox(newKey, [oldKey]).open(sealedWithOld)).toBe('alice-auth-code');
  });

  it('cannot open it once the previous key is gone', () => {
    expect(() => createSecretBox(newKey).open(sealedWithOld)).toThrow();
  });

  it('re-seals an old secret with the current key and leaves a current one alone', () => {
    const box = createSecretBox(newKey, [oldKey]);
    const resealed = box.resealed(sealedWithOld);
    expect(resealed).not.toBeNull();
    expect(createSecretBox(newKey).open(resealed ?? '')).toBe('alice-auth-code');
    expect(box.resealed(box.seal('x'))).toBeNull();
  });

  it('derives a different, stable key per purpose', () => {
    const box = createSecretBox(newKey);
    expect(box.deriveKey('image-proxy')).toEqual(createSecretBox(newKey).deriveKey('image-proxy'));
    expect(box.deriveKey('image-proxy')).not.toEqual(box.deriveKey('other'));
    expect(box.deriveKey('image-proxy')).not.toEqual(newKey);
  });
});
