/**
 * Address fields as chips: what a person types or pastes becomes addresses, each valid or
 * flagged. postal-mime's addressParser (the parser packages/mail reads headers with)
 * splits the text, so `"Wang, Fang" <f@x.cn>`, groups and full-width separators typed on
 * Chinese keyboards come out as the people they name.
 */
import { addressParser } from 'postal-mime';

export interface AddressChip {
  name: string;
  address: string;
  /** false when `address` is not a usable e-mail address (shown flagged, blocks Send) */
  valid: boolean;
}

/** RFC 5321 §4.1.2 in short: a local part, @, a domain of dot-separated labels. */
const MAILBOX =
  /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?(?:\.[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?)+$/;

/** Pure: whether `address` can be sent to. */
export function isValidAddress(address: string): boolean {
  return address.length <= 254 && MAILBOX.test(address);
}

/** Pure: the addresses in `text` (one or many, as typed or pasted), each checked. */
export function parseChips(text: string): AddressChip[] {
  const normalized = text.replace(/[，；;]/g, ',').trim();
  if (!normalized) return [];
  return addressParser(normalized, { flatten: true })
    .map((entry) => {
      const address = 'address' in entry && typeof entry.address === 'string' ? entry.address : '';
      const name = (entry.name ?? '').trim();
      // "bob@163.test" with nothing else parses as a name only when it is not an address
      const bare = address || (name.includes('@') ? name : '');
      return {
        // nothing parsed as an address: the text itself is shown, flagged
        name: !address || bare === name ? '' : name,
        address: (bare || name).trim(),
        valid: isValidAddress(bare.trim()),
      };
    })
    .filter((chip) => chip.address);
}

/** Pure: one chip as a header would write it (`Name <address>`, quoting as needed). */
export function formatChip(chip: Pick<AddressChip, 'name' | 'address'>): string {
  if (!chip.name) return chip.address;
  const name = /[",;<>@()[\]\\:]/.test(chip.name)
    ? `"${chip.name.replace(/["\\]/g, '\\$&')}"`
    : chip.name;
  return `${name} <${chip.address}>`;
}

/** Pure: chips as the comma-separated list the send procedure takes. */
export function joinChips(chips: AddressChip[]): string {
  return chips.map(formatChip).join(', ');
}

/** Pure: `chips` plus `added`, an address already present (any case) not added twice. */
export function addChips(chips: AddressChip[], added: AddressChip[]): AddressChip[] {
  const seen = new Set(chips.map((chip) => chip.address.toLowerCase()));
  const result = [...chips];
  for (const chip of added) {
    const key = chip.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(chip);
  }
  return result;
}
