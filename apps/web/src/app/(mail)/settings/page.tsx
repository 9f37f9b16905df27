import type { Metadata } from 'next';
import { AddMailboxForm } from '../../../components/add-mailbox-form';
import { LinkedMailboxes } from '../../../components/linked-mailboxes';
import { SignOutEverywhereButton } from '../../../components/sign-out-everywhere-button';

export const metadata: Metadata = { title: 'Settings · Youjian' };

export default function SettingsPage() {
  return (
    <main className="settings">
      <h1>Settings</h1>
      <section aria-labelledby="linked-heading" className="card">
        <h2 id="linked-heading">Linked mailboxes</h2>
        <LinkedMailboxes />
      </section>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">Add mailbox</h2>
        <AddMailboxForm />
      </section>
      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">Sessions</h2>
        <SignOutEverywhereButton />
      </section>
    </main>
  );
}
