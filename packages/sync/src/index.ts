/** The mirror engine's face (see the brief's sync contract). */
export { accountCredentials } from './account-credentials';
export { accountStatusOf } from './account-status';
export { draftIdOfMessageId } from './apply-draft-op';
export { applyPendingOps } from './apply-pending-ops';
export { indexBodies } from './body-index';
export {
  CHUNK_BYTES,
  ComposeFileTooLarge,
  deleteComposeFiles,
  ownedReadyFiles,
  readComposeFile,
  type StoredFile,
  sweepComposeFiles,
  writeComposeFile,
} from './compose-files';
export {
  type AppendPayload,
  type CreateFolderPayload,
  type DeleteFolderPayload,
  type DeletePayload,
  enqueueImapOp,
  type ImapOp,
  type MovePayload,
  type RenameFolderPayload,
  type SetFlagsPayload,
} from './enqueue-imap-op';
export { NO_ERROR_RECORD, type StoredErrorCode } from './error-record';
export { fetchMessageSource } from './fetch-message-source';
export { loadAttachment } from './load-attachment';
export { attachmentUrl, loadMessageBody, type MessageBody } from './load-message-body';
export { type AttachmentDownload, openAttachmentDownload } from './open-attachment-download';
export { cancelOutgoing, holdOutgoingUntil } from './outgoing-due';
export { queueDraftDiscard, queueDraftSave } from './queue-draft';
export { queueFolderCreate, queueFolderDelete, queueFolderRename } from './queue-folder-change';
export { type MirrorChange, queueMessageExpunge, queueMessageMove } from './queue-message-move';
export { queueOutgoingMail } from './queue-outgoing-mail';
export { closeReadingSessions } from './reading-session';
export { sendQueuedMail } from './send-queued-mail';
export {
  type DecideOptions,
  decideFolderSync,
  type FolderSyncDecision,
  type FolderSyncType,
  type ObservedFolderStatus,
  type StoredFolderState,
} from './strategy';
export { syncAccount, syncMailboxes } from './sync-account';
export { syncFolder } from './sync-folder';
export { normalizeSubject } from './threading';
export { WORK_CHANNEL, wakeWorker } from './wake-worker';
export { type StartWorkerOptions, startWorker, type Worker } from './worker/start-worker';
