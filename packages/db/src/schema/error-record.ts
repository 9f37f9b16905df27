/**
 * A problem met in the background (a sync, a send, a change written back) is stored as a
 * code with its parameters beside the English text: the web turns the code into the
 * user's language (apps/web lib/app-error.ts), the text stays for operators and old rows.
 */
export interface ErrorParams {
  /** the provider's own reply, verbatim (the web shows it as "Server said: …") */
  serverReply?: string;
  /** the protocol that failed */
  protocol?: 'imap' | 'smtp';
  /** CHANGE_REFUSED: the code of why the change was refused */
  cause?: string;
  /** CHANGES_DROPPED: how many queued changes were dropped */
  count?: number;
  /** the folder's name, where the problem is about one folder */
  folder?: string;
  /** SPECIAL_FOLDER_MISSING: the role of the folder the mailbox lacks (sent, drafts, …) */
  role?: string;
}
