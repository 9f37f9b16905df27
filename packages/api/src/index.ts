export { AppError, type AppErrorCode, toTRPCError } from './errors';
export {
  type HandleTrpcRequestOptions,
  handleTrpcRequest,
  MAX_BATCH_SIZE,
} from './http-handler';
export { IMAGE_PROXY_PATH, imageProxyUrl, verifiedImageUrl } from './lib/image-proxy-url';
export { createMailEventHub, type MailEventHub } from './lib/mail-event-hub';
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from './root';
export { getAttachment } from './services/get-attachment';
export { getMessage } from './services/get-message';
export { getMessageSource } from './services/get-message-source';
export { getPreferences, type Preferences } from './services/get-preferences';
export { UploadTooLarge, uploadComposeFile } from './services/upload-compose-file';
export type { Context } from './trpc';
