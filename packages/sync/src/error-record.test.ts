import { MailError, toMailError } from '@youjian/mail';
import { describe, expect, it } from 'vitest';
import { PermanentOpError } from './apply-context';
import { droppedChangesRecord, errorRecordOf, refusedChangeRecord } from './error-record';

const smtp = { host: 'smtp.qq.com', port: 465, security: 'tls' as const };

/** nodemailer's error for a refused RCPT TO (smtp-connection _formatError). */
const refusedRecipient = Object.assign(
  new Error("Can't send mail - all recipients were rejected"),
  {
    code: 'EENVELOPE',
    response: '550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown',
    responseCode: 550,
    command: 'RCPT TO',
  },
);

describe('errorRecordOf', () => {
  it("keeps a MailError's code, protocol and the server's own reply beside the English", () => {
    const record = errorRecordOf(toMailError(refusedRecipient, 'smtp', smtp));
    expect(record).toEqual({
      lastError:
        'The SMTP server smtp.qq.com:465 rejected a recipient (550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown).',
      lastErrorCode: 'RECIPIENT_REJECTED',
      lastErrorParams: {
        protocol: 'smtp',
        serverReply: '550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown',
      },
    });
  });

  it('stores no reply where the server said nothing', () => {
    const error = new MailError({ code: 'TIMEOUT', protocol: 'imap', userMessage: 'late' });
    expect(errorRecordOf(error)).toEqual({
      lastError: 'late',
      lastErrorCode: 'TIMEOUT',
      lastErrorParams: { protocol: 'imap' },
    });
  });

  it('keeps the reason of a change the server state made impossible', () => {
    const error = new PermanentOpError('The folder "旧项目" is gone.', 'FOLDER_GONE', {
      folder: '旧项目',
    });
    expect(errorRecordOf(error)).toMatchObject({
      lastErrorCode: 'FOLDER_GONE',
      lastErrorParams: { folder: '旧项目' },
    });
  });

  it('files anything else as UNKNOWN, without NUL characters in the text', () => {
    expect(errorRecordOf(new Error('bad\u0000 row'))).toEqual({
      lastError: 'bad row',
      lastErrorCode: 'UNKNOWN',
      lastErrorParams: {},
    });
    expect(errorRecordOf('thrown string').lastErrorCode).toBe('UNKNOWN');
  });
});

describe('refusedChangeRecord', () => {
  it('names the refusal as the cause of CHANGE_REFUSED', () => {
    const refused = Object.assign(new Error('Command failed'), {
      responseStatus: 'NO',
      responseText: '[TRYCREATE] Mailbox does not exist',
    });
    const record = refusedChangeRecord(
      toMailError(refused, 'imap', { host: 'imap.qq.com', port: 993, security: 'tls' }),
    );
    expect(record.lastErrorCode).toBe('CHANGE_REFUSED');
    expect(record.lastErrorParams).toEqual({
      cause: 'PROTOCOL',
      protocol: 'imap',
      serverReply: '[TRYCREATE] Mailbox does not exist',
    });
    expect(record.lastError).toMatch(/^A change could not be applied: The IMAP server/);
  });
});

describe('droppedChangesRecord', () => {
  it('counts the dropped changes and names the folder', () => {
    expect(droppedChangesRecord(2, '项目')).toEqual({
      lastError:
        '2 queued changes in "项目" could not be applied: the server renumbered the folder and the message is no longer there.',
      lastErrorCode: 'CHANGES_DROPPED',
      lastErrorParams: { count: 2, folder: '项目' },
    });
  });
});
