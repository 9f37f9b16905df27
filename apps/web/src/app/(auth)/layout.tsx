import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { sessionOf } from '../../server/session';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await sessionOf(await headers())) redirect('/');
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand">
          Youjian <span lang="zh-CN">邮件</span>
        </p>
        {children}
      </div>
    </main>
  );
}
