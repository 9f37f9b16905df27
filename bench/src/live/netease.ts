/**
 * SMTP acceptance → the message in the browser's list for a NetEase mailbox (163
 * emulation: no IDLE), with production defaults: the worker asks the open INBOX with NOOP
 * at the 163 preset's interval, no override. Mails are sent at random offsets, as a
 * user's mail arrives, so the samples cover every phase of the poll.
 */
import type { Page } from '@playwright/test';
import { createMailUser, deliverMessage } from '@youjian/mailstack';
import { untilLoginWorks } from '../accounts';
import type { Figure } from '../report';
import { percentile } from '../stats';
import { addMailbox, expectSubject, openInbox, seenAt, watchPage } from './browser';
import { rawMail } from './live-mail';

const MAILS = 30;
/** the 163 preset's pollIntervalMs: random send offsets span one whole poll period */
const POLL_PERIOD_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Links a fresh 163.test mailbox for the user signed in on `page` (it navigates away from
 * the QQ INBOX), opens its INBOX and times MAILS deliveries to it. Returns the
 * live.netease_* figures (seconds); throws when a mail does not show within 60 s.
 */
export async function measureNetEaseLive(
  page: Page,
  baseUrl: string,
  run: string,
  log: (line: string) => void,
): Promise<Figure[]> {
  const mailUser = await createMailUser('163.test');
  await untilLoginWorks(mailUser);
  await deliverMessage({
    from: 'sender@qq.test',
    to: mailUser.address,
    raw: rawMail(mailUser.address, `NetEase warm-up ${run}`, 'QQ Sender <sender@qq.test>'),
  });
  await addMailbox(page, baseUrl, '163', mailUser.address, mailUser.authCode);
  await openInbox(page, baseUrl, mailUser.address);
  await page
    .getByRole('row')
    .filter({ hasText: `NetEase warm-up ${run}` })
    .waitFor({ timeout: 60_000 });
  await watchPage(page);

  const seconds: number[] = [];
  for (let i = 0; i < MAILS; i++) {
    await sleep(Math.random() * POLL_PERIOD_MS);
    const subject = `NetEase ${run} #${i}`;
    await expectSubject(page, subject);
    await deliverMessage({
      from: 'sender@qq.test',
      to: mailUser.address,
      raw: rawMail(mailUser.address, subject, 'QQ Sender <sender@qq.test>'),
    });
    const t0 = Date.now();
    const shown = await seenAt(page, subject, 60_000);
    seconds.push((shown - t0) / 1000);
  }
  log(
    `live NetEase: p50 ${percentile(seconds, 50).toFixed(2)} s, p95 ${percentile(seconds, 95).toFixed(2)} s, max ${Math.max(...seconds).toFixed(2)} s`,
  );
  const how = `${MAILS} mails via Postfix MX (deliverMessage, t0 = when it resolved), each after a random 0–${POLL_PERIOD_MS / 1000} s pause, to a fresh 163.test user linked as "163" in the same running product (no YOUJIAN_POLL_INTERVAL_MS: the preset's NOOP every 10 s), INBOX open in Chromium; t1 = subject in the list DOM`;
  return [
    {
      name: 'live.netease_p50_s',
      value: percentile(seconds, 50),
      unit: 's',
      target: null,
      note: how,
    },
    {
      name: 'live.netease_p95_s',
      value: percentile(seconds, 95),
      unit: 's',
      target: 15,
      direction: 'max',
      note: 'as live.netease_p50_s, 95th percentile',
    },
    {
      name: 'live.netease_max_s',
      value: Math.max(...seconds),
      unit: 's',
      target: null,
      note: 'as live.netease_p50_s, the slowest mail',
    },
  ];
}
