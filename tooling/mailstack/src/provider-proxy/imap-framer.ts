/**
 * Splits one direction of an IMAP stream into lines and literals (RFC 3501 §4.3 `{n}`,
 * RFC 7888 `{n+}`, RFC 3516 `~{n}`) without buffering whole responses: literal bytes and
 * unchanged lines are passed on as slices of the incoming chunk, so a FETCH of a large
 * message costs one write per chunk. Only lines the caller replaces are copied.
 *
 * A "message" is one command or one response: a line, and after each literal one more line,
 * until a line that announces no literal. `fragment` counts the lines of a message from 0.
 */

export interface Literal {
  size: number;
  /** a synchronizing literal: the client waits for a `+` continuation before sending it */
  sync: boolean;
}

/**
 * The decision for one complete line (bytes including CRLF): `undefined` keeps it, a Buffer
 * replaces it (keep any literal announcement), `null` drops the rest of the message — its
 * literals too, except a synchronizing one that was just announced: that one never comes.
 */
export type LineDecision = Buffer | null | undefined;

export type LineHandler = (line: Buffer, fragment: number, literal: Literal | null) => LineDecision;

const LF = 0x0a;
const CR = 0x0d;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACE = 0x7b;
const PLUS = 0x2b;

/** The literal announced at the end of a line, if any (`… {123}\r\n` or `… {123+}\r\n`). */
export function parseLiteral(line: Buffer): Literal | null {
  let end = line.length - 1; // at LF
  if (end > 0 && line[end - 1] === CR) end -= 1;
  let i = end - 1;
  if (line[i] !== CLOSE_BRACE) return null;
  i -= 1;
  const sync = line[i] !== PLUS;
  if (!sync) i -= 1;
  let size = 0;
  let digits = 0;
  let scale = 1;
  while (i >= 0) {
    const byte = line[i] ?? 0;
    if (byte < 0x30 || byte > 0x39) break;
    size += (byte - 0x30) * scale;
    scale *= 10;
    digits += 1;
    i -= 1;
  }
  if (digits === 0 || digits > 12 || line[i] !== OPEN_BRACE) return null;
  return { size, sync };
}

export class ImapFramer {
  private literalRemaining = 0;
  private literalAnnounced = 0;
  private fragment = 0;
  private discarding = false;
  private partial: Buffer[] = [];

  /**
   * @param onLine decides each complete line
   * @param onMessageEnd called between messages; whatever it returns is emitted there
   */
  constructor(
    private readonly onLine: LineHandler,
    private readonly onMessageEnd?: () => Buffer | undefined,
  ) {}

  /** Nothing of a message has been emitted yet: bytes may be inserted into the stream now. */
  get atMessageBoundary(): boolean {
    return this.literalRemaining === 0 && this.fragment === 0;
  }

  /** A synchronizing literal just announced will not be sent (the server refused it). */
  cancelLiteral(): void {
    if (this.literalRemaining > 0 && this.literalRemaining === this.literalAnnounced) {
      this.literalRemaining = 0;
      this.endMessage();
    }
  }

  /** Frames one chunk and appends what should be written on to `out`. */
  push(chunk: Buffer, out: Buffer[]): void {
    let pos = 0;
    // chunk[passFrom, pos) is passed on unchanged and not yet in `out`
    let passFrom = 0;
    const emitPassed = (until: number) => {
      if (until > passFrom) out.push(chunk.subarray(passFrom, until));
    };
    while (pos < chunk.length) {
      if (this.literalRemaining > 0) {
        const take = Math.min(this.literalRemaining, chunk.length - pos);
        if (this.discarding) {
          emitPassed(pos);
          passFrom = pos + take;
        }
        pos += take;
        this.literalRemaining -= take;
        if (this.literalRemaining === 0) this.fragment += 1;
        continue;
      }
      const lf = chunk.indexOf(LF, pos);
      if (lf === -1) {
        emitPassed(pos);
        this.partial.push(chunk.subarray(pos));
        passFrom = chunk.length;
        pos = chunk.length;
        break;
      }
      const end = lf + 1;
      const fromPartial = this.partial.length > 0;
      let line = chunk.subarray(pos, end);
      if (fromPartial) {
        this.partial.push(line);
        line = Buffer.concat(this.partial);
        this.partial = [];
      }
      const literal = parseLiteral(line);
      const decision = this.discarding ? null : this.onLine(line, this.fragment, literal);
      if (decision !== undefined || fromPartial) {
        emitPassed(pos);
        passFrom = end;
        if (decision === undefined) out.push(line);
        else if (decision !== null) out.push(decision);
        else this.discarding = true;
      }
      pos = end;
      if (literal && !(decision === null && literal.sync)) {
        this.literalRemaining = literal.size;
        this.literalAnnounced = literal.size;
        if (literal.size === 0) this.fragment += 1;
      } else {
        this.endMessage();
        const inserted = this.onMessageEnd?.();
        if (inserted) {
          emitPassed(pos);
          passFrom = pos;
          out.push(inserted);
        }
      }
    }
    emitPassed(pos);
  }

  private endMessage(): void {
    this.fragment = 0;
    this.discarding = false;
  }
}
