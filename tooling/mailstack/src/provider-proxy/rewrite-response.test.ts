import { describe, expect, it } from 'vitest';
import { NETEASE_PROFILE, QQ_PROFILE } from './profiles';
import {
  listToXlist,
  rewriteCapabilityList,
  rewriteServerLine,
  stripSpecialUseFromList,
  stripStatusUidNext,
} from './rewrite-response';

const DOVECOT_CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT THREAD=REFERENCES THREAD=REFS ' +
  'MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED ESEARCH LIST-STATUS ' +
  'CONDSTORE QRESYNC MOVE SPECIAL-USE LITERAL+ STARTTLS LOGINDISABLED AUTH=PLAIN AUTH=LOGIN';

describe('capability lists', () => {
  it('QQ keeps IDLE and MOVE, adds XLIST, and hides SPECIAL-USE, CONDSTORE, QRESYNC and THREAD', () => {
    const caps = rewriteCapabilityList(DOVECOT_CAPABILITIES, QQ_PROFILE).split(' ');
    expect(caps).toEqual(expect.arrayContaining(['IMAP4rev1', 'IDLE', 'MOVE', 'XLIST', 'UIDPLUS']));
    for (const hidden of ['SPECIAL-USE', 'CONDSTORE', 'QRESYNC', 'THREAD=REFERENCES', 'STARTTLS']) {
      expect(caps).not.toContain(hidden);
    }
  });

  it('NetEase keeps SPECIAL-USE and hides IDLE, MOVE, CONDSTORE, QRESYNC, THREAD and LOGINDISABLED', () => {
    const caps = rewriteCapabilityList(DOVECOT_CAPABILITIES, NETEASE_PROFILE).split(' ');
    expect(caps).toEqual(expect.arrayContaining(['IMAP4rev1', 'ID', 'SPECIAL-USE', 'AUTH=PLAIN']));
    for (const hidden of ['IDLE', 'MOVE', 'CONDSTORE', 'QRESYNC', 'THREAD=REFS', 'LOGINDISABLED']) {
      expect(caps).not.toContain(hidden);
    }
    expect(caps).not.toContain('XLIST');
  });

  it('rewrites the greeting, CAPABILITY data and the [CAPABILITY] code of a tagged OK', () => {
    const context = { profile: NETEASE_PROFILE, xlistPending: false };
    expect(
      rewriteServerLine('* OK [CAPABILITY IMAP4rev1 IDLE STARTTLS] Dovecot ready.', context),
    ).toBe('* OK [CAPABILITY IMAP4rev1] Dovecot ready.');
    expect(rewriteServerLine('* CAPABILITY IMAP4rev1 MOVE ID', context)).toBe(
      '* CAPABILITY IMAP4rev1 ID',
    );
    expect(rewriteServerLine('a1 OK [CAPABILITY IMAP4rev1 CONDSTORE] Logged in', context)).toBe(
      'a1 OK [CAPABILITY IMAP4rev1] Logged in',
    );
  });
});

describe('UIDNEXT on NetEase', () => {
  const context = { profile: NETEASE_PROFILE, xlistPending: false };

  it('drops the [UIDNEXT] line of SELECT/EXAMINE', () => {
    expect(rewriteServerLine('* OK [UIDNEXT 42] Predicted next UID', context)).toBeNull();
  });

  it('keeps the [UIDNEXT] line on QQ', () => {
    const line = '* OK [UIDNEXT 42] Predicted next UID';
    expect(rewriteServerLine(line, { profile: QQ_PROFILE, xlistPending: false })).toBe(line);
  });

  it('removes UIDNEXT wherever it stands in a STATUS attribute list', () => {
    expect(stripStatusUidNext('* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UNSEEN 0)')).toBe(
      '* STATUS INBOX (MESSAGES 3 UNSEEN 0)',
    );
    expect(stripStatusUidNext('* STATUS INBOX (UIDNEXT 4 MESSAGES 3)')).toBe(
      '* STATUS INBOX (MESSAGES 3)',
    );
    expect(stripStatusUidNext('* STATUS INBOX (MESSAGES 3 UIDNEXT 4)')).toBe(
      '* STATUS INBOX (MESSAGES 3)',
    );
    expect(stripStatusUidNext('* STATUS INBOX (UIDNEXT 4)')).toBe('* STATUS INBOX ()');
  });

  it('leaves a mailbox name that mentions UIDNEXT alone', () => {
    expect(stripStatusUidNext('* STATUS "UIDNEXT 7" (MESSAGES 1 UIDNEXT 2)')).toBe(
      '* STATUS "UIDNEXT 7" (MESSAGES 1)',
    );
  });
});

describe('LIST and XLIST on QQ', () => {
  it('hides special-use attributes from LIST', () => {
    expect(stripSpecialUseFromList('* LIST (\\HasNoChildren \\Sent) "/" "Sent Messages"')).toBe(
      '* LIST (\\HasNoChildren) "/" "Sent Messages"',
    );
    expect(
      rewriteServerLine('* LIST (\\Junk) "/" Junk', { profile: QQ_PROFILE, xlistPending: false }),
    ).toBe('* LIST () "/" Junk');
  });

  it('answers XLIST with \\Inbox, \\Sent, \\Drafts, \\Trash and \\Spam', () => {
    expect(listToXlist('* LIST (\\HasNoChildren) "/" INBOX')).toBe(
      '* XLIST (\\HasNoChildren \\Inbox) "/" INBOX',
    );
    expect(listToXlist('* LIST (\\HasNoChildren \\Junk) "/" Junk')).toBe(
      '* XLIST (\\HasNoChildren \\Spam) "/" Junk',
    );
    expect(
      rewriteServerLine('* LIST (\\Sent) "/" "Sent Messages"', {
        profile: QQ_PROFILE,
        xlistPending: true,
      }),
    ).toBe('* XLIST (\\Sent) "/" "Sent Messages"');
  });

  it('keeps special-use attributes in NetEase LIST', () => {
    const line = '* LIST (\\HasNoChildren \\Sent) "/" &XfJT0ZAB-';
    expect(rewriteServerLine(line, { profile: NETEASE_PROFILE, xlistPending: false })).toBe(line);
  });
});
