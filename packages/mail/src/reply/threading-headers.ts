/** What a reply needs to know of its parent's identification fields (RFC 5322 §3.6.4). */
export interface ParentIds {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
}

export interface ThreadingHeaders {
  inReplyTo?: string;
  references?: string[];
}

/** RFC 5322 §3.6.4: a msg-id is `<id-left@id-right>`; anything else is not copied on. */
const MSG_ID = /<[^<>\s]+@[^<>\s]+>/g;

function msgIds(text: string | null): string[] {
  return text?.match(MSG_ID) ?? [];
}

/**
 * In-Reply-To and References of a reply, per RFC 5322 §3.6.4: In-Reply-To is the parent's
 * Message-ID; References is the parent's References — or, when it has none, its
 * In-Reply-To if that holds exactly one id — followed by the parent's Message-ID. A parent
 * without a Message-ID gives no In-Reply-To. Duplicates are dropped, keeping the first.
 */
export function replyThreadingHeaders(parent: ParentIds): ThreadingHeaders {
  const own = msgIds(parent.messageId)[0];
  const parentRefs = parent.references.flatMap((ref) => msgIds(ref));
  const inherited =
    parentRefs.length > 0
      ? parentRefs
      : msgIds(parent.inReplyTo).length === 1
        ? msgIds(parent.inReplyTo)
        : [];
  const references = [...new Set([...inherited, ...(own ? [own] : [])])];
  return {
    ...(own ? { inReplyTo: own } : {}),
    ...(references.length > 0 ? { references } : {}),
  };
}

/**
 * A forward is not a reply (no In-Reply-To), but, as Thunderbird and Gmail do, it names
 * its original in References so that it stays in the same conversation.
 */
export function forwardThreadingHeaders(parent: ParentIds): ThreadingHeaders {
  const { references } = replyThreadingHeaders(parent);
  return references ? { references } : {};
}
