/**
 * Watching INBOX starts from what the mirror last saw: mail that reached the server
 * between a pass's STATUS and the start of IDLE or NOOP polling is announced by no later
 * event (the server already told the session in the SELECT response), so the wait must
 * end at once instead of after the poll interval or the next delivery.
 */

import { closeImap, type ImapFlow, openImap, resolveEndpoints } from '@youjian/mail';
import { createMailUser } from '@youjian/mailstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFolder } from '../test-stack.integration-helpers';
import { idleOnInbox, pollInboxWithNoop, type WakeReason } from './wait-for-change';

const never = new Promise<WakeReason>(() => undefined);

async function sessionOn(preset: 'qq' | '163'): Promise<ImapFlow> {
  const mailUser = await createMailUser(preset === '163' ? '163.test' : 'qq.test');
  await seedFolder(mailUser, 'INBOX', [{ subject: 'first' }, { subject: 'second' }]);
  return openImap({
    address: mailUser.address,
    username: mailUser.address,
    secret: mailUser.authCode,
    ...resolveEndpoints(preset),
  });
}

let netease: ImapFlow;
let qq: ImapFlow;

beforeAll(async () => {
  [netease, qq] = await Promise.all([sessionOn('163'), sessionOn('qq')]);
});

afterAll(async () => {
  await Promise.all([closeImap(netease), closeImap(qq)]);
});

describe('watching INBOX after a pass', () => {
  it('NOOP polling (NetEase) ends at once when INBOX holds more mail than the mirror saw', async () => {
    // a 60 s interval: only the snapshot check can end this wait within the test's time
    const reason = await pollInboxWithNoop(
      netease,
      'INBOX',
      { messages: 1, uidNext: null },
      never,
      60_000,
      60_000,
    );
    expect(reason).toBe('behind');
  });

  it('NOOP polling waits when INBOX is as the mirror saw it', async () => {
    const reason = await pollInboxWithNoop(
      netease,
      'INBOX',
      { messages: 2, uidNext: null },
      never,
      60_000,
      500,
    );
    expect(reason).toBe('timer');
  });

  it('IDLE (QQ) ends at once when UIDNEXT moved since the pass, and waits when it did not', async () => {
    const { uidNext } = await qq.mailboxOpen('INBOX', { readOnly: true });
    await qq.mailboxClose();
    expect(
      await idleOnInbox(qq, 'INBOX', { messages: 2, uidNext: uidNext - 1 }, never, 60_000),
    ).toBe('behind');
    expect(await idleOnInbox(qq, 'INBOX', { messages: 2, uidNext }, never, 500)).toBe('timer');
  });
});
