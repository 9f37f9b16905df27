import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchDocument, toSearchQuery } from './search';
import { createTestDatabase, type TestDatabase } from './testing';

describe('CJK search in Postgres', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  const matches = async (document: string, query: string) => {
    const { rows } = await test.db.$client.query(
      `select to_tsvector('simple', $1) @@ to_tsquery('simple', $2) as hit`,
      [toSearchDocument(document), toSearchQuery(query)],
    );
    return rows[0].hit as boolean;
  };

  it('finds a two-character word inside a longer Chinese sentence', async () => {
    expect(await matches('明天下午三点开会讨论季度报告', '报告')).toBe(true);
    expect(await matches('明天下午三点开会讨论季度报告', '季度报告')).toBe(true);
  });

  it('does not match characters that are present but not adjacent', async () => {
    expect(await matches('报名截止，告知大家', '报告')).toBe(false);
  });

  it('finds a single character and a Latin prefix', async () => {
    expect(await matches('发票已开具', '票')).toBe(true);
    expect(await matches('Quarterly invoice attached', 'invo')).toBe(true);
  });
});
