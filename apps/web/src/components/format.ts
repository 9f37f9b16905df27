import type { MailAddress } from '@youjian/db/schema';

export function senderName(from: MailAddress | null): string {
  if (!from) return '(unknown sender)';
  return from.name || from.address;
}

export function formatAddress(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}
