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
