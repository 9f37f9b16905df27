export { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
export { closeDb, createDb, type Database, dedicatedConnection } from './client';
export { readDbEnv } from './env';
export { listenMailEvents, MAIL_EVENTS_CHANNEL, type MailEvent, publishMailEvent } from './events';
export * from './schema';
export { searchTokens, toSearchDocument, toSearchQuery } from './search';
export { type RotationCount, rotateSealedSecrets } from './rotate-secrets';
export {
  createSecretBox,
  loadPreviousSecretKeys,
  loadSecretBox,
  loadSecretKey,
  type SecretBox,
} from './secret-box';
