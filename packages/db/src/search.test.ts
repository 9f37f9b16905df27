import { describe, expect, it } from 'vitest';
import { searchTokens, toSearchDocument, toSearchQuery } from './search';

describe('search document', () => {
  it('splits a run of Chinese characters into overlapping bigrams', () => {
    expect(searchTokens('会议通知')).toEqual(['会议', '议通', '通知']);
  });

  it('keeps Latin words whole and lower-cased next to Chinese text', () => {
    expect(searchTokens('Q3 Report 季度报告')).toEqual(['q3', 'report', '季度', '度报', '报告']);
  });

  it('adds the single characters so a one-character query can match', () => {
    expect(toSearchDocument('发票').split(' ')).toEqual(['发票', '发', '票']);
  });
});

describe('search query', () => {
  it('matches a Chinese word as a phrase of its bigrams', () => {
    expect(toSearchQuery('季度报告')).toBe("'季度' <-> '度报' <-> '报告'");
  });

  it('requires every word and treats the last Latin word as a prefix', () => {
    expect(toSearchQuery('invoice repo')).toBe("'invoice' & 'repo':*");
  });

  it('escapes quotes and returns null for a query with no words', () => {
    expect(toSearchQuery("o'neil")).toBe("'o' & 'neil':*");
    expect(toSearchQuery('  !! ')).toBeNull();
  });
});
