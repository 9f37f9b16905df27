import type { MailAddress } from '@youjian/db/schema';

/** How many senders a row names before it stops; the count says how many messages there are. */
const NAMES_SHOWN = 3;

/** A sender as a row names them: the display name's first word for a conversation, else all of it. */
function shortName(sender: MailAddress, several: boolean): string {
  const name = sender.name.trim();
  if (!name) return several ? (sender.address.split('@')[0] ?? sender.address) : sender.address;
  return several ? (name.split(/\s+/)[0] ?? name) : name;
}

/**
 * The sender cell of a list row. A conversation names its senders oldest first, each once
 * and shortened ("Bob, Alice, Carol …"), as Gmail does; a message (or a conversation of one
 * sender) its sender in full. Null when nobody is known.
 */
export function rowSenders(item: {
  from: MailAddress | null;
  participants?: readonly MailAddress[];
}): string | null {
  const people = item.participants && item.participants.length > 0 ? item.participants : null;
  if (!people || people.length === 1) {
    const only = people?.[0] ?? item.from;
    return only ? shortName(only, false) : null;
  }
  const names = people.slice(0, NAMES_SHOWN).map((sender) => shortName(sender, true));
  return people.length > NAMES_SHOWN ? `${names.join(', ')} …` : names.join(', ');
}
