import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import { appErrorMessage, type Problem, problemMessage, problemText } from './app-error';
import { folderLabel } from './folder-label';

describe('appErrorMessage', () => {
  it('names the sentence for the server application code', () => {
    expect(appErrorMessage({ data: { appCode: 'AUTH_FAILED' } })).toEqual({ key: 'authFailed' });
    expect(appErrorMessage({ data: { appCode: 'ALREADY_LINKED' } })).toEqual({
      key: 'alreadyLinked',
    });
  });

  it('carries the wait of a limit', () => {
    expect(appErrorMessage({ data: { appCode: 'RATE_LIMITED', retryAfter: 120 } })).toEqual({
      key: 'rateLimited',
      wait: { unit: 'minutes', count: 2 },
    });
  });

  it('reads an expired session from the tRPC code alone', () => {
    expect(appErrorMessage({ data: { appCode: null, code: 'UNAUTHORIZED' } })).toEqual({
      key: 'unauthenticated',
    });
  });

  it('keeps the server sentence naming the field of invalid input', () => {
    const error = Object.assign(new Error('“bob@” is not an e-mail address.'), {
      data: { appCode: 'INVALID_INPUT' },
    });
    expect(appErrorMessage(error)).toEqual({
      key: 'invalidInput',
      detail: '“bob@” is not an e-mail address.',
    });
  });

  it('gives a generic sentence for anything else, never the server text', () => {
    expect(appErrorMessage(new Error('relation "x" does not exist'))).toEqual({ key: 'unknown' });
    expect(appErrorMessage({ data: { appCode: 'SOMETHING_NEW' } })).toEqual({ key: 'unknown' });
    expect(appErrorMessage(null)).toEqual({ key: 'unknown' });
  });
});

/** A problem as the Outbox and the account status show it, through the real catalogue. */
function shown(problem: Problem, locale: 'en' | 'zh-CN') {
  const messages = locale === 'en' ? en : zhCN;
  const t = createTranslator({ locale, messages, namespace: 'errors' });
  const folders = createTranslator({ locale, messages, namespace: 'folders' });
  const roleName = (role: string) => folderLabel({ role, name: role }, (known) => folders(known));
  return problemText(problem, t, roleName, locale);
}

const refusedRecipient: Problem = {
  code: 'RECIPIENT_REJECTED',
  params: { protocol: 'smtp' },
  detail: '550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown',
};

describe('problemMessage', () => {
  it('names the sentence of the stored code and then what the server said', () => {
    expect(problemMessage(refusedRecipient, (role) => role)).toEqual([
      { key: 'recipientRejected' },
      { key: 'serverSaid', values: { reply: refusedRecipient.detail } },
    ]);
  });

  it('says a refused change was undone, then why', () => {
    const problem: Problem = {
      code: 'CHANGE_REFUSED',
      params: { cause: 'FOLDER_GONE', folder: '旧项目' },
      detail: null,
    };
    expect(problemMessage(problem, (role) => role)).toEqual([
      { key: 'changeRefused' },
      { key: 'folderGone', values: { folder: '旧项目' } },
    ]);
    const unexplained = { ...problem, params: { cause: 'UNKNOWN' } };
    expect(problemMessage(unexplained, (role) => role)).toEqual([{ key: 'changeRefused' }]);
  });

  it('reads a row without a code (or with a code it does not know) as the generic sentence', () => {
    expect(problemMessage({ code: null, params: {}, detail: 'old text' }, (r) => r)).toEqual([
      { key: 'unknown' },
      { key: 'details', values: { detail: 'old text' } },
    ]);
    expect(problemMessage({ code: 'NEWER_CODE', params: {}, detail: null }, (r) => r)).toEqual([
      { key: 'unknown' },
    ]);
  });
});

describe('problemText through the catalogues', () => {
  it('shows a refused recipient in Chinese with the server reply as it was', () => {
    expect(shown(refusedRecipient, 'zh-CN')).toBe(
      '服务商拒绝了收件人地址。请检查收件人后重新发送。服务器回复：550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown',
    );
    expect(shown(refusedRecipient, 'en')).toBe(
      'The provider refused a recipient. Check the addresses and send it again. Server said: 550 5.1.1 <nobody@qq.test>: Recipient address rejected: User unknown',
    );
  });

  it('shows an expired authorization code in Chinese', () => {
    const problem: Problem = { code: 'AUTH_FAILED', params: { protocol: 'imap' }, detail: null };
    expect(shown(problem, 'zh-CN')).toBe('服务商拒绝了授权码。请检查后重试。');
  });

  it('names dropped changes and a missing special folder in the user language', () => {
    expect(
      shown(
        { code: 'CHANGES_DROPPED', params: { count: 2, folder: '项目' }, detail: null },
        'zh-CN',
      ),
    ).toBe('“项目”中有 2 项更改未能生效：服务商对这个文件夹重新编号，邮件已不在了。');
    expect(
      shown(
        { code: 'CHANGES_DROPPED', params: { count: 1, folder: 'Projects' }, detail: null },
        'en',
      ),
    ).toBe(
      '1 change in “Projects” could not be applied: the provider renumbered the folder and the message is no longer there.',
    );
    const noDrafts: Problem = {
      code: 'CHANGE_REFUSED',
      params: { cause: 'SPECIAL_FOLDER_MISSING', role: 'drafts' },
      detail: null,
    };
    expect(shown(noDrafts, 'zh-CN')).toBe(
      '你的一项更改未能在服务商那里生效，已在这里撤销。这个邮箱在服务器上没有“草稿箱”文件夹。',
    );
  });

  it('gives an old row the generic sentence and its text as the detail', () => {
    expect(shown({ code: null, params: {}, detail: '550 no such user' }, 'zh-CN')).toBe(
      '出了点问题，请重试。详情：550 no such user',
    );
  });
});
