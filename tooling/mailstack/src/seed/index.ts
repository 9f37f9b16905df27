export {
  type GenerateOptions,
  generateMessage,
  type SeedKind,
  type SeedMessage,
  seedMessageId,
} from './generate-message';
export { type SeedOptions, seedMailbox } from './seed-mailbox';
export { type WriteMaildirOptions, type WriteMaildirResult, writeMaildir } from './write-maildir';
