import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readDbEnv } from './env';

/**
 * Seals mailbox authorization codes at rest with AES-256-GCM (NIST SP 800-38D):
 * a fresh 96-bit nonce per secret, the 128-bit tag checked on open. Stored form:
 * `v1.<nonce>.<tag>.<ciphertext>`, each part base64url.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32)
    throw new Error('secret key must be 32 bytes (base64 in YOUJIAN_SECRET_KEY)');
  return {
    seal(plaintext) {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', nonce, cipher.getAuthTag(), body].map(part).join('.');
    },
    open(sealed) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== 'v1' || !nonce || !tag || body === undefined)
        throw new Error('unknown sealed secret format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

const part = (value: string | Buffer) =>
  typeof value === 'string' ? value : value.toString('base64url');

/** The key from YOUJIAN_SECRET_KEY, or one generated once into the data folder for local use. */
export function loadSecretKey(env = readDbEnv()): Buffer {
  if (env.secretKey) return Buffer.from(env.secretKey, 'base64');
  const file = path.join(env.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
