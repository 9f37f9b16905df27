/**
 * How many bytes of files one outgoing mail may carry at a provider. Attachments travel
 * base64 (RFC 2045 §6.8: 4 characters per 3 bytes, in lines of 76 plus CRLF), so a
 * provider's message size limit allows about 71 % of it in files; a margin is kept for
 * the headers, the text and the HTML. At QQ Mail this is 51.0 MB and at NetEase 49.8 MB
 * (binary megabytes, as the providers count), in line with the "50M" both web mails
 * announce for ordinary attachments.
 */
import { getPreset } from '../presets';
import type { ProviderId } from '../types';

/** For a provider without a known limit: 25 MiB of message, Gmail's and Outlook's limit. */
const DEFAULT_MAX_MESSAGE_BYTES = 26_214_400;
/** Headers, text and HTML parts, MIME boundaries. */
const MESSAGE_MARGIN_BYTES = 262_144;

/** Pure: the largest total size of files, in bytes, a message at `provider` may carry. */
export function attachmentLimitBytes(provider: ProviderId): number {
  const maxMessage = getPreset(provider).maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  return Math.floor((((maxMessage - MESSAGE_MARGIN_BYTES) * 3) / 4) * (76 / 78));
}
