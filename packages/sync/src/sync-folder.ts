import { fetchChangedSince } from './changed-since';
import { diffFolder } from './diff-folder';
import { fetchNewMessages } from './fetch-new';
import { continueFirstSync, startFirstSync } from './first-sync';
import { type FolderSyncContext, throwIfAborted } from './folder-context';
import { loadStoredState, updateMailbox } from './mailbox-state';
import { observeFolder } from './observe-folder';
import { type DecideOptions, decideFolderSync, type FolderSyncDecision } from './strategy';

/** A pass ends on skip; the cap only guards against a folder that changes on every look. */
const MAX_STEPS = 4;

/**
 * Brings one folder up to date: observe (STATUS), decide (pure strategy), carry out,
 * and look again — e.g. fetch_new is followed by a full diff when the counts still
 * disagree. Returns the decisions taken, for logs and tests.
 */
export async function syncFolder(
  ctx: FolderSyncContext,
  options: DecideOptions = {},
): Promise<FolderSyncDecision[]> {
  const taken: FolderSyncDecision[] = [];
  let decideOptions = options;
  for (let step = 0; step < MAX_STEPS; step++) {
    throwIfAborted(ctx.signal);
    const state = await loadStoredState(ctx.db, ctx.account.id, ctx.mailbox.id);
    if (!state) return taken;
    const current = { ...ctx, mailbox: state.row };
    const status = await observeFolder(ctx.client, state.row.path);
    const decision = decideFolderSync(state.stored, status, ctx.capabilities, decideOptions);
    taken.push(decision);
    switch (decision.type) {
      case 'skip':
        if (state.row.serverMessageCount !== status.messages) {
          await updateMailbox(ctx.db, ctx.account.id, ctx.mailbox.id, {
            serverMessageCount: status.messages,
          });
        }
        return taken;
      case 'first_sync':
        await startFirstSync(current, status, false);
        break;
      case 'rebuild':
        await startFirstSync(current, status, true);
        break;
      case 'continue':
        await continueFirstSync(current);
        break;
      case 'fetch_new':
        await fetchNewMessages(current, status);
        break;
      case 'changedsince':
        await fetchChangedSince(current, status, state.stored.highestModSeq ?? 0n);
        break;
      case 'full_diff':
        await diffFolder(current, status);
        // the flags were just compared: a requested resync ('now') is done
        decideOptions = { ...options, flagResync: 'when_due' };
        break;
    }
  }
  return taken;
}
