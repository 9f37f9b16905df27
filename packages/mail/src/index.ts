/** The mail package's face: protocol layer for IMAP, SMTP and MIME. */
export type { ImapFlow } from 'imapflow';
export {
  type AttachmentRead,
  decideAttachmentRead,
  type ListedAttachment,
  type StructureLeaf,
} from './attachment-part';
export { hasAttachments } from './body-structure';
export { decodeBytes, decodeRawHeader, normalizeCharset } from './charset';
export { buildRawMessage } from './compose';
export { downloadAttachmentPart, type PartDownload } from './download-attachment-part';
export {
  fetchRemoteImage,
  type RemoteImageLimits,
  type RemoteImageResult,
} from './egress/http-image';
export { MailError, type MailProtocol, toMailError } from './errors';
export { fetchBodyTexts } from './fetch-body-texts';
export { fetchRawMessage } from './fetch-raw-message';
export { fetchFlags, fetchSummaries, type SummaryOptions } from './fetch-summaries';
export {
  folderDisplayName,
  type PersonalNamespace,
  parentFolderPath,
  pathInNamespace,
  ROOT_NAMESPACE,
  serverFolderPath,
} from './folder-path';
export { detectFolderRole } from './folder-role';
export { folderStatus } from './folder-status';
export {
  createServerFolder,
  deleteServerFolder,
  renameServerFolder,
  serverFolderPaths,
} from './folder-write';
export { listFolders, personalNamespaceOf } from './folders';
export { decodeEncodedWords } from './header-decode';
export { closeImap, openImap } from './imap-connect';
export { appendMessage, expungeUids, moveMessages, presentUids, setFlags } from './imap-write';
export { listedAttachmentCount, placeInlineImages } from './inline-images';
export { contentDispositionValue } from './outgoing/attachment-filename';
export { attachmentLimitBytes } from './outgoing/attachment-limit';
export { htmlDocument, referencedContentIds, sanitizeOutgoingHtml } from './outgoing/html';
export { htmlToPlainText } from './outgoing/plain-text';
export { fetchPaneAttachments } from './pane-attachments';
export { parseMessage } from './parse-message';
export { getPreset, PROVIDER_PRESETS, presetForAddress, resolveEndpoints } from './presets';
export { fetchPreviews, previewText } from './preview';
export { proxyRemoteImages } from './remote-images';
export * from './reply';
export { sanitizeMailHtml } from './sanitize-html';
export { sendMail } from './smtp';
export { htmlToText, snippetOf } from './snippet';
export { decodeTextPart, type TextPart, textPartOf } from './text-part';
export type * from './types';
export { compactUidSet } from './uid-set';
export { verifyCredentials } from './verify-credentials';
export { withoutNul } from './without-nul';
