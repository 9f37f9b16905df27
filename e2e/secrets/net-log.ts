/**
 * What Chromium received, read from its NetLog (`--log-net-log` with
 * `--net-log-capture-mode=Everything`, Chromium's own network event log): every response
 * body after content decoding (URL_REQUEST_JOB_FILTERED_BYTES_READ, joined per request,
 * so a secret split across reads is still whole) and every response header block
 * (HTTP_TRANSACTION_READ_RESPONSE_HEADERS). Seen by the browser's network stack itself,
 * so frames, fetches, EventSource streams and downloads are all in it — nothing a page
 * could hide from a `page.on('response')` listener.
 */
import fs from 'node:fs';
import readline from 'node:readline';

export interface ReceivedText {
  /** the NetLog file and the request's source id in it */
  where: string;
  text: string;
}

interface NetLogEvent {
  type: number;
  source?: { id: number };
  params?: { bytes?: string; headers?: unknown };
}

/**
 * The texts of one NetLog file. Reads it line by line (Chromium writes one event per
 * line), so a log of hundreds of megabytes, or one cut short by a crash, is still read.
 */
export async function receivedTexts(file: string): Promise<ReceivedText[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8') });
  let bodyRead = -1;
  let headersRead = -1;
  const bodies = new Map<number, Buffer[]>();
  const texts: ReceivedText[] = [];
  for await (const line of lines) {
    if (line.startsWith('{"constants"')) {
      const types = (
        JSON.parse(`${line.replace(/,$/, '')}}`) as {
          constants: { logEventTypes: Record<string, number> };
        }
      ).constants.logEventTypes;
      bodyRead = types.URL_REQUEST_JOB_FILTERED_BYTES_READ ?? -1;
      headersRead = types.HTTP_TRANSACTION_READ_RESPONSE_HEADERS ?? -1;
      continue;
    }
    if (!line.startsWith('{"params"')) continue;
    const event = parseEvent(line);
    if (!event?.params) continue;
    const source = event.source?.id ?? -1;
    if (event.type === bodyRead && event.params.bytes) {
      const parts = bodies.get(source) ?? [];
      parts.push(Buffer.from(event.params.bytes, 'base64'));
      bodies.set(source, parts);
    } else if (event.type === headersRead && event.params.headers) {
      texts.push({
        where: `${file} #${source} headers`,
        text: JSON.stringify(event.params.headers),
      });
    }
  }
  for (const [source, parts] of bodies) {
    texts.push({ where: `${file} #${source} body`, text: Buffer.concat(parts).toString('latin1') });
  }
  return texts;
}

function parseEvent(line: string): NetLogEvent | undefined {
  try {
    return JSON.parse(line.replace(/,$/, '')) as NetLogEvent;
  } catch {
    // the last line of a log whose browser was killed
    return undefined;
  }
}
