import type pg from 'pg';

/**
 * Live events travel from the worker to every web process through Postgres
 * LISTEN/NOTIFY, so no other broker is needed, embedded Postgres included.
 */
export const MAIL_EVENTS_CHANNEL = 'youjian_mail_events';

export type MailEvent =
  | { kind: 'mailbox_changed'; userId: string; accountId: string; mailboxId: string }
  | { kind: 'account_changed'; userId: string; accountId: string };

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export async function publishMailEvent(client: Queryable, event: MailEvent): Promise<void> {
  await client.query('select pg_notify($1, $2)', [MAIL_EVENTS_CHANNEL, JSON.stringify(event)]);
}

/** Listens on a dedicated connection; returns a function that stops listening. */
export async function listenMailEvents(
  connect: () => Promise<pg.PoolClient | pg.Client>,
  onEvent: (event: MailEvent) => void,
): Promise<() => Promise<void>> {
  const client = await connect();
  client.on('notification', (note) => {
    if (note.channel !== MAIL_EVENTS_CHANNEL || !note.payload) return;
    onEvent(JSON.parse(note.payload) as MailEvent);
  });
  await client.query(`listen ${MAIL_EVENTS_CHANNEL}`);
  return async () => {
    await client.query(`unlisten ${MAIL_EVENTS_CHANNEL}`);
    if ('release' in client) client.release();
    else await client.end();
  };
}
