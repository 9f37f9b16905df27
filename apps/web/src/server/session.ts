import { type AuthSession, getSession } from '@youjian/auth';
import { services } from './services';

/** The signed-in user of a request, or null. */
export async function sessionOf(headers: Headers): Promise<AuthSession | null> {
  return getSession(services().auth, headers);
}
