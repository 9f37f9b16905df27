export { AUTH_LIMITS, CLIENT_ADDRESS_HEADER } from './abuse-limits';
export {
  type Auth,
  type AuthSession,
  type CreateAuthOptions,
  createAuth,
  getSession,
  handleAuthRequest,
  loopbackAliases,
} from './create-auth';
export { MIN_PASSWORD_LENGTH, type PasswordProblem, passwordProblem } from './password-policy';
