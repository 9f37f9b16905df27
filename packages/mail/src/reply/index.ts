/** Pure rules for answering and forwarding mail; no I/O. */
export {
  type BodyOptions,
  displayAddress,
  formatResponseDate,
  forwardBody,
  forwardedFileName,
  type OriginalForBody,
  quoteText,
  replyBody,
} from './body';
export {
  CHINESE_PHRASES,
  ENGLISH_PHRASES,
  type ResponsePhrases,
  responsePhrases,
} from './phrases';
export {
  type OriginalAddresses,
  type ReplyRecipients,
  replyRecipients,
} from './recipients';
export { forwardSubject, replySubject, stripResponsePrefixes } from './subject';
export {
  forwardThreadingHeaders,
  type ParentIds,
  replyThreadingHeaders,
  type ThreadingHeaders,
} from './threading-headers';
