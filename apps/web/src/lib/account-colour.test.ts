import { describe, expect, it } from 'vitest';
import { ACCOUNT_COLOURS, accountColour, mailboxColour } from './account-colour';

describe('mailbox colours', () => {
  const accounts = [{ id: 'a', colour: null }, { id: 'b', colour: '#123456' }, { id: 'c' }];

  it('takes the colour the user chose', () => {
    expect(mailboxColour(accounts, 'b')).toBe('#123456');
  });

  it('otherwise the palette by place, as accountColour does', () => {
    expect(mailboxColour(accounts, 'a')).toBe(ACCOUNT_COLOURS[0]);
    expect(mailboxColour(accounts, 'c')).toBe(ACCOUNT_COLOURS[2]);
    expect(accountColour(['a', 'b', 'c'], 'c')).toBe(ACCOUNT_COLOURS[2]);
  });
});
