import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailError } from './errors';
import { fetchSummaries } from './fetch-summaries';
import { folderStatus } from './folder-status';
import { closeImap, openImap } from './imap-connect';
import { sendMail } from './smtp';
import { freshCredentials } from './test-stack.integration-helpers';
import type { MailCredentials, MessageSummary } from './types';

/** Delivery goes through Postfix and LMTP: poll the folder until the message is there. */
async function waitForMessage(
  creds: MailCredentials,
  path: string,
  messageId: string,
): Promise<MessageSummary> {
  const client = await openImap(creds);
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await folderStatus(client, path);
      if (status.messages > 0) {
        const found = (await fetchSummaries(client, path, '1:*')).find(
          (summary) => summary.messageId === messageId,
        );
        if (found) return found;
      }
      if (Date.now() > deadline) throw new Error(`${messageId} did not arrive in ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await closeImap(client);
  }
}

describe('sendMail through SMTPS', () => {
  let alice: MailCredentials;
  let bob: MailCredentials;

  beforeAll(async () => {
    alice = await freshCredentials('qq', { smtpSaveToServer: true });
    bob = await freshCredentials('163');
  });

  it('delivers a Chinese message to the recipient and the provider files the Sent copy (QQ setting “SMTP发信后保存到服务器” on)', async () => {
    const messageId = `<${randomUUID()}@youjian.test>`;
    const { raw, accepted } = await sendMail(alice, {
      from: { name: '爱丽丝', address: alice.address },
      to: [{ name: '鲍勃', address: bob.address }],
      cc: [],
      subject: '周五的会议改到下午三点',
      text: '你好，会议改到下午三点。',
      messageId,
    });
    expect(accepted).toEqual([bob.address]);
    expect(raw.toString()).toContain(`Message-ID: ${messageId}`);

    const received = await waitForMessage(bob, 'INBOX', messageId);
    expect(received.subject).toBe('周五的会议改到下午三点');
    expect(received.from).toEqual({ name: '爱丽丝', address: alice.address });

    const sentCopy = await waitForMessage(alice, 'Sent Messages', messageId);
    expect(sentCopy.subject).toBe('周五的会议改到下午三点');
  });

  it('reports a sender other than the logged-in user as SENDER_REJECTED', async () => {
    const error = await sendMail(alice, {
      from: { name: '', address: bob.address },
      to: [{ name: '', address: bob.address }],
      cc: [],
      subject: 'spoof',
      text: 'x',
      messageId: `<${randomUUID()}@youjian.test>`,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('SENDER_REJECTED');
    expect((error as MailError).userMessage).toContain('refused the sender address');
  });
});
