import type { mailAccount, SecretBox } from '@youjian/db';
import type { MailCredentials } from '@youjian/mail';

export type CredentialColumns = Pick<
  typeof mailAccount.$inferSelect,
  | 'address'
  | 'username'
  | 'secretSealed'
  | 'imapHost'
  | 'imapPort'
  | 'imapSecurity'
  | 'smtpHost'
  | 'smtpPort'
  | 'smtpSecurity'
>;

/** Opens the sealed authorization code; the endpoints are the ones verified when linking. */
export function accountCredentials(
  account: CredentialColumns,
  secretBox: SecretBox,
): MailCredentials {
  return {
    address: account.address,
    username: account.username,
    secret: secretBox.open(account.secretSealed),
    imap: { host: account.imapHost, port: account.imapPort, security: account.imapSecurity },
    smtp: { host: account.smtpHost, port: account.smtpPort, security: account.smtpSecurity },
  };
}
