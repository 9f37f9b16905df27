/**
 * One message of the reading corpus and what a person must see of it in Youjian: the list
 * row (subject, sender, snippet, paperclip), the reading pane (body, attachments) and search.
 * Absent fields are not checked.
 */
export interface CorpusCase {
  id: string;
  /** the shape this case stands for (issue 12's kinds) */
  kind: string;
  raw: Buffer;
  /** folder to APPEND to; default INBOX */
  folder?: string;
  /** flags and keywords given with APPEND */
  flags?: string[];
  expected: ExpectedView;
}

export interface ExpectedView {
  subject?: string;
  fromName?: string;
  fromAddress?: string;
  to?: Array<{ name: string; address: string }>;
  ccAddresses?: string[];
  snippet?: string;
  snippetOneOf?: string[];
  snippetMustNotContain?: string[];
  /** first non-empty line of the pane's text (the HTML's words when there is no text) */
  firstLine?: string;
  textContains?: string;
  htmlContains?: string;
  /** names in the pane's attachment list, in order */
  attachments?: string[];
  attachmentContentType?: string;
  hasAttachments?: boolean;
  /** every cid: image of the HTML resolves to one of the message's parts */
  htmlImagesResolve?: boolean;
  /** a word search must find this message by */
  searchFor?: string[];
  /** cases with the same label share one thread; different labels never do */
  thread?: string;
  /** ISO time of the Date header, or null for none */
  sentAt?: string | null;
  seen?: boolean;
  flagged?: boolean;
}
