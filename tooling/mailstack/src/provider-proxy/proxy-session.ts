import type { Socket } from 'node:net';
import { ImapFramer, type LineDecision, type Literal } from './imap-framer';
import type { ProviderProfile } from './profiles';
import { rewriteServerLine, stripStatusUidNext } from './rewrite-response';
import { routeCommand } from './route-command';

const ASTERISK = 0x2a;
const PLUS = 0x2b;
const SPACE = 0x20;

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

/** Line text without its CRLF, as latin1 so every byte survives the round trip. */
function lineText(line: Buffer): string {
  const end =
    line.length >= 2 && line[line.length - 2] === 0x0d ? line.length - 2 : line.length - 1;
  return line.toString('latin1', 0, end);
}

function lineBytes(text: string): Buffer {
  return Buffer.from(`${text}\r\n`, 'latin1');
}

/**
 * Joins a client connection to its upstream Dovecot connection and applies the profile.
 * Both sides close together; backpressure is honoured in both directions.
 */
export function bridgeSession(client: Socket, upstream: Socket, profile: ProviderProfile): void {
  const session = { identified: false };
  const xlistTags = new Set<string>();
  /** replies the proxy makes itself, held until Dovecot has answered the commands before them */
  const pendingReplies: { afterCommand: number; bytes: Buffer }[] = [];
  /** forwarded commands without a tagged completion yet: tag → sequence number */
  const outstandingTags = new Map<string, number>();
  let forwardedCommands = 0;
  let greeted = false;
  /** tag of a client command whose synchronizing literal waits for `+` */
  let awaitingContinuation: string | null = null;
  let commandTag = '';
  let statusResponse = false;

  const onClientLine = (line: Buffer, fragment: number, literal: Literal | null): LineDecision => {
    let decision: LineDecision;
    if (fragment === 0) {
      const route = routeCommand(lineText(line), profile, session);
      commandTag = route.tag;
      if (route.kind === 'answer') {
        replyToClient(lineBytes(route.reply));
        return null;
      }
      if (route.tag !== '') {
        forwardedCommands += 1;
        outstandingTags.set(route.tag, forwardedCommands);
      }
      if (route.identifies) session.identified = true;
      if (route.xlist) xlistTags.add(route.tag);
      if (route.line !== undefined) decision = lineBytes(route.line);
    }
    awaitingContinuation = literal?.sync ? commandTag : null;
    return decision;
  };

  const onServerLine = (line: Buffer, fragment: number): LineDecision => {
    const first = line[0];
    if (fragment > 0) {
      // the mailbox name of a STATUS response may be a literal; the attributes follow it
      if (!statusResponse) return undefined;
      return lineBytes(stripStatusUidNext(lineText(line)));
    }
    statusResponse = false;
    // Fast path for the bulk of any session: `* 123 FETCH …`, `* 5 EXISTS`, continuations.
    if (first === ASTERISK && line[1] === SPACE && isDigit(line[2])) return undefined;
    if (first === PLUS) {
      awaitingContinuation = null;
      return undefined;
    }
    const text = lineText(line);
    greeted = true;
    if (first !== ASTERISK) onTaggedCompletion(text.slice(0, text.indexOf(' ')));
    else statusResponse = profile.omitUidNext && /^\* STATUS /i.test(text);
    const rewritten = rewriteServerLine(text, { profile, xlistPending: xlistTags.size > 0 });
    if (rewritten === null) return null;
    return rewritten === text ? undefined : lineBytes(rewritten);
  };

  const onTaggedCompletion = (tag: string) => {
    xlistTags.delete(tag);
    outstandingTags.delete(tag);
    // RFC 3501 §7.5: a NO/BAD instead of `+` means the client will not send its literal.
    if (tag === awaitingContinuation) {
      clientFramer.cancelLiteral();
      awaitingContinuation = null;
    }
  };

  const clientFramer = new ImapFramer(onClientLine);
  // Replies keep the order of the commands (a pipelining client reads them in that order)
  // and never land inside a server response, only between two of them.
  const answeredUpTo = (command: number) => {
    if (!greeted) return false;
    for (const sequence of outstandingTags.values()) if (sequence <= command) return false;
    return true;
  };
  const takeDueReplies = (): Buffer | undefined => {
    let due = 0;
    while (due < pendingReplies.length && answeredUpTo(pendingReplies[due]?.afterCommand ?? 0)) {
      due += 1;
    }
    if (due === 0) return undefined;
    return Buffer.concat(pendingReplies.splice(0, due).map((reply) => reply.bytes));
  };
  const serverFramer = new ImapFramer(onServerLine, () =>
    pendingReplies.length > 0 ? takeDueReplies() : undefined,
  );

  function replyToClient(bytes: Buffer): void {
    pendingReplies.push({ afterCommand: forwardedCommands, bytes });
    if (!serverFramer.atMessageBoundary) return;
    const due = takeDueReplies();
    if (due) client.write(due);
  }

  pump(client, upstream, clientFramer);
  pump(upstream, client, serverFramer);

  const closeBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
  client.on('close', () => upstream.end());
  upstream.on('close', () => client.end());
}

function pump(from: Socket, to: Socket, framer: ImapFramer): void {
  from.on('data', (chunk: Buffer) => {
    const out: Buffer[] = [];
    framer.push(chunk, out);
    if (out.length === 0) return;
    const flowing = to.write(out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out));
    if (!flowing) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  });
  from.on('end', () => to.end());
}
