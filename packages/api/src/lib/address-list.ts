import type { MailAddress } from '@youjian/db/schema';
import { z } from 'zod';
import { AppError } from '../errors';

const emailAddress = z.email();

/**
 * Recipients as people type them: `bob@163.test, Carol <carol@qq.test>`, separated by
 * commas or semicolons (ASCII or full-width, as Chinese keyboards produce).
 */
export function parseAddressList(text: string): MailAddress[] {
  return text
    .split(/[,;，；]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseAddress);
}

function parseAddress(part: string): MailAddress {
  const angle = /^(.*)<([^<>]+)>$/.exec(part);
  const name = angle ? (angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1') : '';
  const address = (angle ? (angle[2] ?? '') : part).trim();
  if (!emailAddress.safeParse(address).success) {
    throw new AppError('INVALID_INPUT', `"${part}" is not an e-mail address.`);
  }
  return { name, address };
}
