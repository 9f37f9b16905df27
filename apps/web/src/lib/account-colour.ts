/**
 * The colour that tells a mailbox's rows apart in a unified list: the one the user chose
 * in Settings, else one by the mailbox's place among the user's (the order accounts.list
 * gives), so two mailboxes never share one until there are more than the palette holds.
 * Hues picked to stay readable on white (WCAG 1.4.11: at least 3:1 against the background
 * for a non-text marker).
 */
export const ACCOUNT_COLOURS = [
  '#1a73e8',
  '#d93025',
  '#188038',
  '#e37400',
  '#9334e6',
  '#007b83',
  '#c5221f',
  '#5f6368',
] as const;

/** The palette's colour for the mailbox at its place among `accountIds`. */
export function accountColour(accountIds: readonly string[], accountId: string): string {
  const place = accountIds.indexOf(accountId);
  return ACCOUNT_COLOURS[Math.max(place, 0) % ACCOUNT_COLOURS.length] ?? ACCOUNT_COLOURS[0];
}

/** A mailbox's colour: its chosen one (#rrggbb), else the palette's by its place. */
export function mailboxColour(
  accounts: ReadonlyArray<{ id: string; colour?: string | null }>,
  accountId: string,
): string {
  const chosen = accounts.find((account) => account.id === accountId)?.colour;
  return (
    chosen ??
    accountColour(
      accounts.map((account) => account.id),
      accountId,
    )
  );
}
