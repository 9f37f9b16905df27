import { connectImap, ensureMailstack, type MailUser } from '../mailstack';
import { generateMessage, seedMessageId } from './generate-message';

export interface SeedOptions {
  folder?: string;
  count?: number;
  seed?: number;
  /** leave a folder that already holds this seed's messages alone (the demo seeds once) */
  once?: boolean;
}

/**
 * APPENDs `count` generated messages (oldest first, with their flags and INTERNALDATE) to
 * a folder over raw Dovecot IMAP. Fine for hundreds; use writeMaildir for tens of thousands.
 * Returns how many were added.
 */
export async function seedMailbox(user: MailUser, options: SeedOptions = {}): Promise<number> {
  const { folder = 'INBOX', count = 100, seed = 1, once = false } = options;
  await ensureMailstack();
  const client = await connectImap(user);
  try {
    const existing = await client.list();
    if (!existing.some((mailbox) => mailbox.path === folder)) await client.mailboxCreate(folder);
    if (once) {
      await client.mailboxOpen(folder, { readOnly: true });
      const seeded = await client.search({ header: { 'message-id': seedMessageId(seed, 0) } });
      if (seeded && seeded.length > 0) return 0;
    }
    for (let index = 0; index < count; index += 1) {
      const message = generateMessage(index, { seed, to: user.address, count });
      await client.append(folder, message.raw, message.flags, message.date);
    }
    return count;
  } finally {
    await client.logout();
  }
}
