/** Every message of the reading corpus, grouped by kind in files of their own. */

import { attachmentCases } from './cases-attachments';
import { charsetCases } from './cases-charsets';
import { chineseCases } from './cases-chinese';
import { moreCharsetCases } from './cases-more-charsets';
import { moreChineseCases } from './cases-more-chinese';
import { moreStructureCases } from './cases-more-structure';
import { moreThreadCases } from './cases-more-threads';
import { providerCases } from './cases-providers';
import { sameSubjectCases } from './cases-same-subject';
import { structureCases } from './cases-structure';
import { threadCases } from './cases-threads';
import type { CorpusCase } from './corpus-case';

export const corpus: CorpusCase[] = [
  ...charsetCases,
  ...attachmentCases,
  ...structureCases,
  ...providerCases,
  ...threadCases,
  ...sameSubjectCases,
  ...chineseCases,
  ...moreCharsetCases,
  ...moreStructureCases,
  ...moreChineseCases,
  ...moreThreadCases,
];
