import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MailApp } from '../../components/mail-app';

export const metadata: Metadata = { title: 'Mail · Youjian' };

export default function MailPage() {
  return (
    <Suspense fallback={<p className="muted pad">Loading…</p>}>
      <MailApp />
    </Suspense>
  );
}
