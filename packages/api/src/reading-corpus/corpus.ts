/** Every message of the reading corpus, grouped by kind in files of their own. */
import { charsetCases } from './cases-charsets';
import { chineseCases } from './cases-chinese';
import { partCases } from './cases-parts';
import { providerCases } from './cases-providers';
import { sameSubjectCases } from './cases-same-subject';
import { threadCases } from './cases-threads';
import type { CorpusCase } from './corpus-case';

export const corpus: CorpusCase[] = [
  ...charsetCases,
  ...partCases,
  ...providerCases,
  ...threadCases,
  ...sameSubjectCases,
  ...chineseCases,
];
