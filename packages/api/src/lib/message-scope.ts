/**
 * Which folders a list or a search reads: one folder, a unified view across every linked
 * mailbox ("All inboxes", Sent, Drafts, Starred, Unread), or everything, narrowed by a
 * search's in: and account: operators. The decision is pure (resolveMessageScope); the
 * service loads the user's mailboxes and folders once and runs it.
 */
import type { FolderRole } from '@youjian/db';
import { AppError } from '../errors';

/** The unified views; each spans every mailbox the user linked. */
export const MAIL_VIEWS = ['all-inboxes', 'sent', 'drafts', 'starred', 'unread'] as const;
export type MailView = (typeof MAIL_VIEWS)[number];

export interface ScopeAccount {
  id: string;
  address: string;
}

export interface ScopeFolder {
  accountId: string;
  id: string;
  name: string;
  path: string;
  role: FolderRole | null;
}

/** One account's part of the scope: the folders read there, newest first. */
export interface ScopeSource {
  accountId: string;
  mailboxIds: string[];
}

export interface MessageScope {
  sources: ScopeSource[];
  /** the view reads only starred (true) or only unread (true) mail */
  starredOnly: boolean;
  unreadOnly: boolean;
}

const VIEW_ROLE: Partial<Record<MailView, FolderRole>> = {
  'all-inboxes': 'inbox',
  sent: 'sent',
  drafts: 'drafts',
};

/** Words people type after in: for a role, in English and in the providers' Chinese. */
const ROLE_WORDS: Record<string, FolderRole> = {
  inbox: 'inbox',
  收件箱: 'inbox',
  sent: 'sent',
  已发送: 'sent',
  drafts: 'drafts',
  draft: 'drafts',
  草稿箱: 'drafts',
  trash: 'trash',
  已删除: 'trash',
  spam: 'junk',
  junk: 'junk',
  垃圾邮件: 'junk',
  archive: 'archive',
  归档: 'archive',
};

/** Mail in these is left out of a search and of Unread and Starred unless in: names them. */
const SET_ASIDE: ReadonlySet<FolderRole | null> = new Set(['trash', 'junk']);

export interface ScopeRequest {
  view?: MailView;
  accountId?: string;
  mailboxId?: string;
  /** the search's in: folder names or roles */
  folders?: readonly string[];
  /** the search's account: addresses, local parts or domains */
  accounts?: readonly string[];
  /** a search reads every folder but Trash and Junk when no view or folder is given */
  searching: boolean;
}

function matchesAccount(address: string, wanted: string): boolean {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  return lower === wanted || lower.slice(0, at) === wanted || lower.slice(at + 1) === wanted;
}

function matchesFolder(folder: ScopeFolder, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  const role = ROLE_WORDS[lower];
  if (role && folder.role === role) return true;
  return folder.name.toLowerCase() === lower || folder.path.toLowerCase() === lower;
}

/**
 * Resolves what to read. Takes the user's mailboxes and folders and the request; returns
 * the folders per account (accounts without such folders left out). Without a view,
 * folder, account or search it is "All inboxes", the view after sign-in. Throws AppError
 * NOT_FOUND for a folder or mailbox id that is not the user's, INVALID_INPUT for an in: or
 * account: that names nothing the user has.
 */
export function resolveMessageScope(
  accounts: readonly ScopeAccount[],
  folders: readonly ScopeFolder[],
  request: ScopeRequest,
): MessageScope {
  let view = request.view;
  if (!view && !request.mailboxId && !request.accountId && !request.searching) view = 'all-inboxes';
  let chosen = folders.filter((f) => !request.accountId || f.accountId === request.accountId);
  if (request.accountId && !accounts.some((a) => a.id === request.accountId)) {
    throw new AppError('NOT_FOUND', 'This mailbox is not linked to your account.');
  }
  if (request.mailboxId) {
    chosen = chosen.filter((f) => f.id === request.mailboxId);
    if (chosen.length === 0) throw new AppError('NOT_FOUND', 'This folder no longer exists.');
  }
  const role = view ? VIEW_ROLE[view] : undefined;
  if (role) chosen = chosen.filter((f) => f.role === role);
  if (request.accounts?.length) {
    const wanted = request.accounts;
    const ids = new Set(
      accounts.filter((a) => wanted.some((w) => matchesAccount(a.address, w))).map((a) => a.id),
    );
    if (ids.size === 0) {
      throw new AppError(
        'INVALID_INPUT',
        `No linked mailbox matches account:${wanted.join(', account:')}.`,
      );
    }
    chosen = chosen.filter((f) => ids.has(f.accountId));
  }
  if (request.folders?.length) {
    const wanted = request.folders;
    const named = chosen.filter((f) => wanted.some((w) => matchesFolder(f, w)));
    if (named.length === 0 && !folders.some((f) => wanted.some((w) => matchesFolder(f, w)))) {
      throw new AppError('INVALID_INPUT', `No folder is called "${wanted.join('", "')}".`);
    }
    chosen = named;
  } else if (!request.mailboxId && !role) {
    chosen = chosen.filter((f) => !SET_ASIDE.has(f.role));
  }
  const sources = accounts
    .map((a) => ({
      accountId: a.id,
      mailboxIds: chosen.filter((f) => f.accountId === a.id).map((f) => f.id),
    }))
    .filter((s) => s.mailboxIds.length > 0);
  return { sources, starredOnly: view === 'starred', unreadOnly: view === 'unread' };
}
