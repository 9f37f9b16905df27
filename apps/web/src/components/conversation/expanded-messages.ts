/**
 * Which messages of an opened conversation start expanded: every unread one and the
 * newest; the read ones before them stay collapsed to one line (Gmail, Outlook). Takes the
 * messages oldest first; returns their ids.
 */
export function initiallyExpanded(
  messages: ReadonlyArray<{ id: string; seen: boolean }>,
): Set<string> {
  const expanded = new Set(messages.filter((message) => !message.seen).map((m) => m.id));
  const newest = messages[messages.length - 1];
  if (newest) expanded.add(newest.id);
  return expanded;
}
