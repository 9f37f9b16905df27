import { describe, expect, it } from 'vitest';
import { NETEASE_PROFILE, QQ_PROFILE } from './profiles';
import { routeCommand } from './route-command';

describe('NetEase command rules', () => {
  it('refuses SELECT and EXAMINE before ID with the exact NetEase text', () => {
    const session = { identified: false };
    expect(routeCommand('a3 SELECT INBOX', NETEASE_PROFILE, session)).toEqual({
      kind: 'answer',
      tag: 'a3',
      reply: 'a3 NO SELECT Unsafe Login. Please contact kefu@188.com for help',
    });
    expect(routeCommand('a4 examine "INBOX"', NETEASE_PROFILE, session).kind).toBe('answer');
  });

  it('forwards SELECT once the client has sent ID', () => {
    const id = routeCommand('a2 ID ("name" "youjian")', NETEASE_PROFILE, { identified: false });
    expect(id).toEqual({ kind: 'forward', tag: 'a2', identifies: true });
    expect(routeCommand('a3 SELECT INBOX', NETEASE_PROFILE, { identified: true }).kind).toBe(
      'forward',
    );
  });

  it('answers BAD to IDLE, MOVE and UID MOVE, which NetEase does not implement', () => {
    const session = { identified: true };
    for (const command of ['t IDLE', 't MOVE 1 Junk', 't UID MOVE 1:3 Junk', 't uid move 1 x']) {
      expect(routeCommand(command, NETEASE_PROFILE, session)).toEqual({
        kind: 'answer',
        tag: 't',
        reply: 't BAD Unsupported command',
      });
    }
  });
});

describe('QQ command rules', () => {
  it('turns XLIST into LIST with the same arguments and remembers it', () => {
    expect(routeCommand('x1 XLIST "" "*"', QQ_PROFILE, { identified: false })).toEqual({
      kind: 'forward',
      tag: 'x1',
      line: 'x1 LIST "" "*"',
      xlist: true,
    });
  });

  it('lets SELECT, IDLE and MOVE through without ID', () => {
    const session = { identified: false };
    for (const command of ['a SELECT INBOX', 'b IDLE', 'c UID MOVE 1 Junk']) {
      expect(routeCommand(command, QQ_PROFILE, session)).toMatchObject({ kind: 'forward' });
    }
  });

  it('passes continuation lines (IDLE DONE, SASL responses) through untouched', () => {
    expect(routeCommand('DONE', QQ_PROFILE, { identified: false })).toEqual({
      kind: 'forward',
      tag: '',
    });
  });
});
