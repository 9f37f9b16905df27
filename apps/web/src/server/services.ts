import { createMailEventHub, type MailEventHub } from '@youjian/api';
import { type Auth, createAuth, createOutboxMailer, createSmtpMailer } from '@youjian/auth';
import { createDb, createSecretBox, type Database, type SecretBox } from '@youjian/db';
import { readWebEnv } from '../env';

export interface WebServices {
  db: Database;
  auth: Auth;
  secretBox: SecretBox;
  events: MailEventHub;
}

const globalCache = globalThis as typeof globalThis & { youjianServices?: WebServices };

/**
 * Created on first use, not at import, so `next build` needs no database; kept on
 * globalThis so development reloads do not open a new pool each time.
 */
export function services(): WebServices {
  if (globalCache.youjianServices) return globalCache.youjianServices;
  const env = readWebEnv();
  const db = createDb(env.databaseUrl);
  const created: WebServices = {
    db,
    auth: createAuth({
      db,
      secret: env.authSecret,
      baseURL: env.authUrl,
      mailer:
        env.accountMail.kind === 'smtp'
          ? createSmtpMailer(env.accountMail)
          : createOutboxMailer(env.accountMail.folder),
    }),
    secretBox: createSecretBox(env.secretKey, env.previousSecretKeys),
    events: createMailEventHub(db),
  };
  globalCache.youjianServices = created;
  return created;
}
