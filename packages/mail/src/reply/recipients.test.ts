import { describe, expect, it } from 'vitest';
import type { MailAddress } from '../types';
import { replyRecipients } from './recipients';

const a = (address: string, name = ''): MailAddress => ({ name, address });
const addresses = (list: MailAddress[]) => list.map((entry) => entry.address);

describe('reply recipients', () => {
  const original = {
    from: a('alice@qq.test', '爱丽丝'),
    replyTo: [],
    to: [a('bob@163.test', '鲍勃'), a('carol@qq.test')],
    cc: [a('dave@163.test'), a('Bob@163.TEST')],
  };

  it('a reply goes to the sender', () => {
    const result = replyRecipients({
      original,
      ownAddresses: ['bob@163.test'],
      replyingAddress: 'bob@163.test',
      all: false,
    });
    expect(result).toEqual({ to: [a('alice@qq.test', '爱丽丝')], cc: [] });
  });

  it('a reply goes to Reply-To when the original has one', () => {
    const result = replyRecipients({
      original: { ...original, replyTo: [a('list@qq.test', 'List')] },
      ownAddresses: ['bob@163.test'],
      replyingAddress: 'bob@163.test',
      all: false,
    });
    expect(result).toEqual({ to: [a('list@qq.test', 'List')], cc: [] });
  });

  it('reply all adds To and Cc without any linked mailbox of the user, each address once', () => {
    const result = replyRecipients({
      original: { ...original, cc: [...original.cc, a('CAROL@qq.test'), a('erin@qq.test')] },
      ownAddresses: ['bob@163.test', 'dave@163.test'],
      replyingAddress: 'bob@163.test',
      all: true,
    });
    expect(addresses(result.to)).toEqual(['alice@qq.test', 'carol@qq.test']);
    expect(addresses(result.cc)).toEqual(['erin@qq.test']);
  });

  it('reply all with Reply-To answers Reply-To instead of From', () => {
    const result = replyRecipients({
      original: { ...original, replyTo: [a('team@qq.test')] },
      ownAddresses: ['bob@163.test'],
      replyingAddress: 'bob@163.test',
      all: true,
    });
    expect(addresses(result.to)).toEqual(['team@qq.test', 'carol@qq.test']);
    expect(addresses(result.cc)).toEqual(['dave@163.test']);
  });

  it("answering one's own sent mail goes to its recipients", () => {
    const sent = {
      from: a('Bob@163.test'),
      replyTo: [],
      to: [a('alice@qq.test')],
      cc: [a('carol@qq.test')],
    };
    expect(
      replyRecipients({
        original: sent,
        ownAddresses: ['bob@163.test'],
        replyingAddress: 'bob@163.test',
        all: false,
      }),
    ).toEqual({
      to: [a('alice@qq.test')],
      cc: [],
    });
    expect(
      addresses(
        replyRecipients({
          original: sent,
          ownAddresses: ['bob@163.test'],
          replyingAddress: 'bob@163.test',
          all: true,
        }).cc,
      ),
    ).toEqual(['carol@qq.test']);
  });

  it('a message without a sender gives an empty To for the user to fill', () => {
    expect(
      replyRecipients({
        original: { ...original, from: null },
        ownAddresses: [],
        replyingAddress: 'bob@163.test',
        all: false,
      }),
    ).toEqual({ to: [], cc: [] });
  });

  it("a sender that is another of the user's mailboxes is answered like anyone else", () => {
    const mine = { ...original, cc: [] };
    const ownAddresses = ['bob@163.test', 'alice@qq.test'];
    expect(
      replyRecipients({
        original: mine,
        ownAddresses,
        replyingAddress: 'bob@163.test',
        all: false,
      }),
    ).toEqual({ to: [a('alice@qq.test', '爱丽丝')], cc: [] });
    expect(
      addresses(
        replyRecipients({
          original: mine,
          ownAddresses,
          replyingAddress: 'bob@163.test',
          all: true,
        }).to,
      ),
    ).toEqual(['alice@qq.test', 'carol@qq.test']);
  });
});
