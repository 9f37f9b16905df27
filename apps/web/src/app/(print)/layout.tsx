import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { sessionOf } from '../../server/session';

/** Pages to print: a session is needed, and nothing of the app's chrome is around them. */
export default async function PrintLayout({ children }: { children: ReactNode }) {
  if (!(await sessionOf(await headers()))) redirect('/sign-in');
  return children;
}
