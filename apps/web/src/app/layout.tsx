import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Youjian 邮件',
  description: 'Webmail for QQ Mail, NetEase and any IMAP/SMTP provider',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // rendered per request: each response's scripts carry that response's CSP nonce (proxy.ts)
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
