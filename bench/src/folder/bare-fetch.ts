import { MAILSTACK, type MailUser } from '@youjian/mailstack';
import type { FetchQueryObject } from 'imapflow';
import { connectBare } from '../bare-imap';
import { ratePerSecond, since } from '../stats';

/** The fields the product's header sync asks for (packages/mail fetch-summaries.ts). */
const HEADER_FIELDS: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  headers: ['references'],
};

export interface BareFetch {
  messages: number;
  ms: number;
  perSecond: number;
  highestUid: number;
}

/**
 * The reference: a bare imapflow session on raw Dovecot's IMAPS port (what the "Other"
 * preset uses), EXAMINE INBOX and one FETCH 1:* of the same fields, nothing stored.
 */
export async function bareHeaderFetch(mailUser: MailUser): Promise<BareFetch> {
  const client = await connectBare(mailUser, MAILSTACK.providers.other.imap);
  try {
    const startedAt = performance.now();
    await client.mailboxOpen('INBOX', { readOnly: true });
    let messages = 0;
    let highestUid = 0;
    for await (const message of client.fetch('1:*', HEADER_FIELDS)) {
      messages += 1;
      if (message.uid > highestUid) highestUid = message.uid;
    }
    const ms = since(startedAt);
    return { messages, ms, perSecond: ratePerSecond(messages, ms), highestUid };
  } finally {
    await client.logout();
  }
}
