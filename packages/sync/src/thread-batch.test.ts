import { describe, expect, it } from 'vitest';
import { participantsOf } from './thread-batch';

describe('participantsOf', () => {
  it("lists From, To and Cc lower-cased, once each, without the account's own address", () => {
    const people = participantsOf(
      {
        from: { name: '李娜', address: 'LiNa@Example.test' },
        to: [
          { name: '', address: 'reader@qq.test' },
          { name: '', address: 'zhang@example.test' },
        ],
        cc: [
          { name: '', address: 'lina@example.test' },
          { name: '项目组', address: '' },
        ],
      },
      new Set(['reader@qq.test']),
    );
    expect(people).toEqual(['lina@example.test', 'zhang@example.test']);
  });

  it('keeps at most 100 participants of a 1,000-recipient message', () => {
    const to = Array.from({ length: 1000 }, (_, i) => ({ name: '', address: `r${i}@x.test` }));
    expect(participantsOf({ from: null, to, cc: [] }, new Set())).toHaveLength(100);
  });
});
