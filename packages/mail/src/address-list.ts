/**
 * Address header fields (RFC 5322 §3.4) from their raw text, for the list row and the
 * pane alike. Encoded words (RFC 2047) are decoded only after the list is split, and are
 * hidden from the splitter while it works, so a decoded ":" or "," (`Email: 财务部`,
 * `Wang, Fang`) stays part of one display name. A group (`项目组: a@x, b@y;`) gives its
 * members; an address without a domain stays as written — never a server placeholder such
 * as MISSING_DOMAIN (RFC 3501 §7.4.2's ENVELOPE convention).
 */
import { addressParser } from 'postal-mime';
import { decodeEncodedWords } from './header-decode';
import type { MailAddress } from './types';
import { withoutNul } from './without-nul';

/** A run of adjacent encoded words (RFC 2047 §6.2: joined when only whitespace is between). */
const ENCODED_RUN = /=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)*/g;

/** Pure: the addresses of one header field's raw (unfolded) text. */
export function parseAddressList(value: string | undefined): MailAddress[] {
  if (!value?.trim()) return [];
  const runs: string[] = [];
  const masked = value.replace(ENCODED_RUN, (run) => `ewrun${runs.push(run) - 1}x`);
  const unmask = (text: string) =>
    decodeEncodedWords(text.replace(/ewrun(\d+)x/g, (_, i: string) => runs[Number(i)] ?? ''));
  return addressParser(masked, { flatten: true })
    .map((entry) => ({
      name: withoutNul(unmask(entry.name ?? '').trim()),
      address:
        'address' in entry && typeof entry.address === 'string'
          ? withoutRoute(withoutNul(unmask(entry.address)))
          : '',
    }))
    .filter((entry) => entry.name || entry.address);
}

/**
 * Pure: the address without an RFC 822 source route (`@relay.example:user@host`), which
 * RFC 5322 §4.4 obs-angle-addr keeps only to be ignored: the mailbox is what follows.
 */
export function withoutRoute(address: string): string {
  return address.replace(/^@[^:]*:(?=[^@]*@)/, '');
}
