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
  /** seals with the current key */
  seal(plaintext: string): string;
  /** opens with the current key, else with a previous one; throws when none opens it */
  open(sealed: string): string;
  /**
   * The same secret sealed with the current key when `sealed` opens only with a previous
   * key, else null (already current). Throws when no key opens it.
   */
  resealed(sealed: string): string | null;
  /**
   * A 32-byte key for another purpose (e.g. "image-proxy" URL signatures), derived from
   * the current key with HKDF-SHA256 (RFC 5869), so the service keeps one secret to
   * manage; derived keys change when the secret key is rotated.
   */
  deriveKey(purpose: string): Buffer;
}

function openWith(key: Buffer, sealed: string): string {
  const [version, nonce, tag, body] = sealed.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined)
    throw new Error('unknown sealed secret format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

function checkKey(key: Buffer, name: string): void {
  if (key.length !== 32) throw new Error(`secret key must be 32 bytes (base64 in ${name})`);
}

/**
 * A box sealing with `key` and opening with `key` or any of `previousKeys` (key rotation:
 * YOUJIAN_SECRET_KEY_PREVIOUS keeps old secrets readable until `npm run secrets:rotate`
 * has re-sealed them). Throws when a key is not 32 bytes.
 */
export function createSecretBox(key: Buffer, previousKeys: readonly Buffer[] = []): SecretBox {
  checkKey(key, 'YOUJIAN_SECRET_KEY');
  for (const previous of previousKeys) checkKey(previous, 'YOUJIAN_SECRET_KEY_PREVIOUS');
  const openOld = (sealed: string): string => {
    for (const previous of previousKeys) {
      try {
        return openWith(previous, sealed);
      } catch {
        // GCM's tag check failed: not this key, try the next one
      }
    }
    throw new Error('no secret key opens this sealed secret');
  };
  const seal = (plaintext: string) => {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', nonce, cipher.getAuthTag(), body].map(part).join('.');
  };
  return {
    seal,
    open(sealed) {
      try {
        return openWith(key, sealed);
      } catch (error) {
        if (previousKeys.length === 0) throw error;
        return openOld(sealed);
      }
    },
    resealed(sealed) {
      try {
        openWith(key, sealed);
        return null;
      } catch {
        return seal(openOld(sealed));
      }
    },
    deriveKey(purpose) {
      return Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), `youjian:${purpose}`, 32));
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

/** The keys of YOUJIAN_SECRET_KEY_PREVIOUS (comma-separated base64), oldest last; [] when unset. */
export function loadPreviousSecretKeys(env = readDbEnv()): Buffer[] {
  return (env.previousSecretKeys ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => Buffer.from(entry, 'base64'));
}

/** The service's box: the current key and the previous ones from the environment or data folder. */
export function loadSecretBox(env = readDbEnv()): SecretBox {
  return createSecretBox(loadSecretKey(env), loadPreviousSecretKeys(env));
}
