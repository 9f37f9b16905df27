export {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
export { closeDb, createDb, type Database, dedicatedConnection } from './client';
export { readDbEnv } from './env';
export { listenMailEvents, MAIL_EVENTS_CHANNEL, type MailEvent, publishMailEvent } from './events';
export {
  consumeRateLimit,
  pruneRateLimitBuckets,
  type RateLimitRule,
  type RateLimitVerdict,
} from './rate-limit';
export { type RotationCount, rotateSealedSecrets } from './rotate-secrets';
export * from './schema';
export { searchTokens, toSearchDocument, toSearchQuery } from './search';
export {
  type SearchDocumentFields,
  type SearchField,
  searchDocumentOf,
  searchTermQuery,
} from './search-document';
export {
  createSecretBox,
  loadPreviousSecretKeys,
  loadSecretBox,
  loadSecretKey,
  type SecretBox,
} from './secret-box';
