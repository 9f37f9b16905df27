import type { Page } from '@playwright/test';
import { deliverMessage } from '@youjian/mailstack';
import { linkAliceAndBob, signUp } from './ui-fixture';

/** Eight random letters: a run's words, so searches find only this run's mail. */
export const letters = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );

const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

/**
 * A message as a provider stores it: UTF-8 subject as an encoded word, a plain-text body,
 * or an HTML body, optionally with one attached file (multipart/mixed).
 */
export function rawMail(options: {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  body: string;
  html?: boolean;
  attachment?: string;
}): string {
  const headers = [
    `From: ${options.from}`,
    `To: ${options.to}`,
    ...(options.cc ? [`Cc: ${options.cc}`] : []),
    `Subject: ${encoded(options.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${letters()}-${letters()}@example.test>`,
    'MIME-Version: 1.0',
  ];
  const type = `Content-Type: text/${options.html ? 'html' : 'plain'}; charset=utf-8`;
  if (!options.attachment) return [...headers, type, '', options.body, ''].join('\r\n');
  const boundary = `b-${letters()}`;
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    type,
    '',
    options.body,
    `--${boundary}`,
    `Content-Type: application/octet-stream; name="${encoded(options.attachment)}"`,
    // RFC 2231 for the file name, an encoded word for name= (as QQ Mail writes both)
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(options.attachment)}`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('预算 1,2,3').toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Delivers a plain-text mail through the local Postfix. */
export async function deliver(to: string, from: string, subject: string, body: string) {
  await deliverMessage({ from, to, raw: rawMail({ from, to, subject, body }) });
}

/** A new user (named 'E2E 用户') with alice@qq.test and bob@163.test linked. */
export async function signUpWithBothMailboxes(page: Page, label: string) {
  await signUp(page, `${label}-${letters()}@example.test`, 'E2E 用户');
  await linkAliceAndBob(page);
}

/** Types a search into "Search mail" and waits for its URL. */
export async function search(page: Page, query: string) {
  // a search box offering recent searches (a datalist) is a combobox (HTML-AAM)
  const box = page.getByRole('combobox', { name: 'Search mail' });
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query.trim());
}

/** The list's row holding the text. */
export const row = (page: Page, text: string) =>
  page.locator('.message-list').getByRole('row').filter({ hasText: text });
