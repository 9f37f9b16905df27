export { AUTH_LIMITS, CLIENT_ADDRESS_HEADER } from './abuse-limits';
export { DEFAULT_TOKEN_LIFETIMES, type TokenLifetimes } from './account-mail-options';
export { ACCOUNT_MAIL_SUBJECTS } from './account-messages';
export { ACCOUNT_PAGES } from './account-pages';
export {
  type Auth,
  type AuthSession,
  type CreateAuthOptions,
  createAuth,
  getSession,
  handleAuthRequest,
  loopbackAliases,
} from './create-auth';
export {
  type AccountMailer,
  createOutboxMailer,
  createSmtpMailer,
  type OutgoingAccountMail,
} from './mailer';
export { MIN_PASSWORD_LENGTH, type PasswordProblem, passwordProblem } from './password-policy';
