/** The channel a worker LISTENs on to pick up an account's new work at once. */
export const WORK_CHANNEL = 'youjian_work';

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * NOTIFY the worker that an account has new work (pending ops, outgoing mail, a newly
 * linked account). Inside a transaction the notification is delivered on commit only.
 */
export async function wakeWorker(client: Queryable, accountId: string): Promise<void> {
  await client.query('select pg_notify($1, $2)', [WORK_CHANNEL, accountId]);
}
