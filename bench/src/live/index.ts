/**
 * SMTP acceptance → live event in the browser, IDLE provider (QQ emulation): the whole
 * product runs (web + worker), a signed-up user has a fresh qq.test mailbox linked and
 * its INBOX open in Chromium; 50 mails are delivered one at a time through Postfix's MX
 * port while a bare imapflow client IDLEs on the same INBOX as the floor. Then the same
 * user links a 163.test mailbox (no IDLE) and the same is timed there (netease.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailUser, deliverMessage, providerEnv } from '@youjian/mailstack';
import { startProduct } from '@youjian/tooling/product';
import { untilLoginWorks } from '../accounts';
import type { BenchContext } from '../context';
import { createBenchDatabase } from '../database';
import { exportToProcess } from '../env';
import type { Figure } from '../report';
import { percentile } from '../stats';
import { idleOnInbox } from './bare-idle';
import {
  addMailbox,
  eventTimes,
  expectSubject,
  launchChromium,
  openInbox,
  seenAt,
  signUp,
  watchPage,
} from './browser';
import { rawMail } from './live-mail';
import { measureNetEaseLive } from './netease';

const MAILS = 50;
const PORT = 3210;

const firstAfter = (times: number[], t: number) => times.find((x) => x >= t);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLiveBenchmark(ctx: BenchContext): Promise<Figure[]> {
  const { log } = ctx;
  const bench = await createBenchDatabase(ctx.postgresUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'youjian-bench-live-'));
  exportToProcess({ DATABASE_URL: bench.url, YOUJIAN_DATA_DIR: dataDir });
  const product = await startProduct({ port: PORT, env: providerEnv(), log });
  const browser = await launchChromium(ctx.env.chromiumPath);
  try {
    const mailUser = await createMailUser('qq.test');
    await untilLoginWorks(mailUser);
    const run = Date.now().toString(36);
    await deliverMessage({
      from: 'live@example.test',
      to: mailUser.address,
      raw: rawMail(mailUser.address, `Warm-up ${run}`, 'Live Sender <live@example.test>'),
    });

    const page = await browser.newPage();
    await signUp(page, product.url, `bench-${run}@bench.test`);
    await addMailbox(page, product.url, 'QQ Mail', mailUser.address, mailUser.authCode);
    await openInbox(page, product.url, mailUser.address);
    await page
      .getByRole('row')
      .filter({ hasText: `Warm-up ${run}` })
      .waitFor({ timeout: 60_000 });
    await watchPage(page);
    const bare = await idleOnInbox(mailUser);
    // let the worker finish its first pass and enter IDLE
    await sleep(3000);

    const accepted: number[] = [];
    const shown: number[] = [];
    const bareSeen: number[] = [];
    const sseSeen: number[] = [];
    try {
      for (let i = 0; i < MAILS; i++) {
        const subject = `Live ${run} #${i}`;
        await expectSubject(page, subject);
        await deliverMessage({
          from: 'live@example.test',
          to: mailUser.address,
          raw: rawMail(mailUser.address, subject, 'Live Sender <live@example.test>'),
        });
        const t0 = Date.now();
        const inPage = await seenAt(page, subject, 30_000);
        // the bare client's EXISTS can come after the page in principle; give it a moment
        for (let wait = 0; firstAfter(bare.existsAt, t0) === undefined && wait < 50; wait++) {
          await sleep(100);
        }
        const idle = firstAfter(bare.existsAt, t0);
        const event = firstAfter(await eventTimes(page), t0);
        if (idle === undefined) throw new Error(`the bare IDLE client saw no EXISTS for mail ${i}`);
        accepted.push(t0);
        shown.push(inPage);
        bareSeen.push(idle);
        sseSeen.push(event ?? Number.NaN);
        await sleep(300);
      }
    } finally {
      await bare.close();
    }
    const toBrowser = shown.map((t, i) => (t - (accepted[i] ?? t)) / 1000);
    const toBare = bareSeen.map((t, i) => (t - (accepted[i] ?? t)) / 1000);
    const overhead = shown.map((t, i) => t - (bareSeen[i] ?? t));
    const sseOverhead = sseSeen.map((t, i) => t - (bareSeen[i] ?? t)).filter(Number.isFinite);
    log(
      `live: browser p50 ${percentile(toBrowser, 50).toFixed(3)} s, bare IDLE p50 ${percentile(toBare, 50).toFixed(3)} s, overhead p50 ${percentile(overhead, 50).toFixed(0)} ms`,
    );
    const qqFigures: Figure[] = [];
    const how = `${MAILS} mails via Postfix MX (deliverMessage, t0 = when it resolved) to a fresh qq.test user linked in the running product (startProduct: next start + worker), INBOX open in Chromium`;
    qqFigures.push(
      {
        name: 'live.p50_s',
        value: percentile(toBrowser, 50),
        unit: 's',
        target: null,
        note: `${how}; t1 = subject appears in the message list DOM (MutationObserver)`,
      },
      {
        name: 'live.p95_s',
        value: percentile(toBrowser, 95),
        unit: 's',
        target: null,
        note: 'as live.p50_s, 95th percentile',
      },
      {
        name: 'live.overhead_p50_ms',
        value: percentile(overhead, 50),
        unit: 'ms',
        target: 150,
        direction: 'max',
        note: 'p50 of (DOM time − EXISTS time of a bare imapflow client IDLEing on the same INBOX via the same QQ endpoint), per mail',
      },
      {
        name: 'live.overhead_p95_ms',
        value: percentile(overhead, 95),
        unit: 'ms',
        target: null,
        note: 'as live.overhead_p50_ms, 95th percentile',
      },
      {
        name: 'live.bare_idle_p50_s',
        value: percentile(toBare, 50),
        unit: 's',
        target: null,
        note: "SMTP acceptance → EXISTS at the bare IDLE client (the servers' floor; Dovecot delays IDLE notifications)",
      },
      {
        name: 'live.sse_event_overhead_p50_ms',
        value: percentile(sseOverhead, 50),
        unit: 'ms',
        target: null,
        note: `first live event on an EventSource in the page − bare EXISTS (the push path without the list refetch and render), ${sseOverhead.length} mails`,
      },
    );
    return [...qqFigures, ...(await measureNetEaseLive(page, product.url, run, log))];
  } finally {
    await browser.close();
    await product.stop();
    await bench.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
