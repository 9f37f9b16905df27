export {
  type Auth,
  type AuthSession,
  type CreateAuthOptions,
  createAuth,
  getSession,
  loopbackAliases,
} from './create-auth';
