/**
 * The words of the mail Youjian sends its own users: confirming an address, a sign-up
 * attempt for an address that already has an account, and a password reset. Each mail
 * carries both languages, the reader's first (from the request's Accept-Language), since
 * at sign-up the product knows nothing else of them.
 */

export type AccountMessageKind = 'verify' | 'already-registered' | 'reset';

export interface AccountMessage {
  subject: string;
  text: string;
}

/** Subjects, fixed so that a test can find the mail it waits for. */
export const ACCOUNT_MAIL_SUBJECTS: Record<AccountMessageKind, string> = {
  verify: 'Confirm your address for Youjian / 确认您的邮箱地址',
  'already-registered': 'You already have a Youjian account / 您已有 Youjian 账号',
  reset: 'Reset your Youjian password / 重置您的 Youjian 密码',
};

type Words = (link: string, hours: number) => string;

const ENGLISH: Record<AccountMessageKind, Words> = {
  verify: (link, hours) =>
    `Someone, probably you, created a Youjian account with this address. Open this link to confirm it and sign in:\n\n${link}\n\nThe link works once, for ${hours} hours. If it was not you, ignore this mail: no account is used until the address is confirmed.`,
  'already-registered': (link) =>
    `Someone tried to create a Youjian account with this address, which already has one. If it was you, sign in — or, if you forgot your password, choose a new one:\n\n${link}\n\nIf it was not you, ignore this mail: nothing has changed.`,
  reset: (link, hours) =>
    `Someone, probably you, asked to reset the password of your Youjian account. Open this link to choose a new password:\n\n${link}\n\nThe link works once, for ${hours} hour(s). Choosing a new password signs out every other device. If it was not you, ignore this mail: your password stays as it is.`,
};

const CHINESE: Record<AccountMessageKind, Words> = {
  verify: (link, hours) =>
    `有人（很可能是您）用这个地址注册了 Youjian 账号。打开下面的链接确认地址并登录：\n\n${link}\n\n链接只能使用一次，${hours} 小时内有效。如果不是您本人操作，请忽略本邮件：地址确认之前，账号不会启用。`,
  'already-registered': (link) =>
    `有人尝试用这个地址注册 Youjian 账号，但这个地址已经有账号了。如果是您本人，请直接登录；如果忘记了密码，可以设置新密码：\n\n${link}\n\n如果不是您本人操作，请忽略本邮件，什么都没有改变。`,
  reset: (link, hours) =>
    `有人（很可能是您）请求重置 Youjian 账号的密码。打开下面的链接设置新密码：\n\n${link}\n\n链接只能使用一次，${hours} 小时内有效。设置新密码后，其他设备都会退出登录。如果不是您本人操作，请忽略本邮件，密码不会改变。`,
};

/**
 * One account mail: `link` is the only thing to click; `lifetimeSeconds` is how long it
 * works (shown in whole hours, at least 1); `acceptLanguage` orders the two languages.
 */
export function accountMessage(
  kind: AccountMessageKind,
  {
    link,
    lifetimeSeconds,
    acceptLanguage,
  }: { link: string; lifetimeSeconds: number; acceptLanguage?: string | null },
): AccountMessage {
  const hours = Math.max(1, Math.round(lifetimeSeconds / 3600));
  const english = ENGLISH[kind](link, hours);
  const chinese = CHINESE[kind](link, hours);
  const chineseFirst = /^\s*zh\b/i.test(acceptLanguage ?? '');
  const parts = chineseFirst ? [chinese, english] : [english, chinese];
  return {
    subject: ACCOUNT_MAIL_SUBJECTS[kind],
    text: `${parts.join('\n\n——————————\n\n')}\n\n— Youjian\n`,
  };
}
