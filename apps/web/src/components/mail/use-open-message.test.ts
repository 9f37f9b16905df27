import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter, RouterOutputs } from '@youjian/api';
import { describe, expect, it } from 'vitest';
import { noteReadAhead, openMessageOptions } from './use-open-message';

type Message = RouterOutputs['messages']['get'];

/** A message as messages.get answers it; `from` says which call produced it. */
function message(id: string, from: string): Message {
  return { id, subject: from } as unknown as Message;
}

/** The options proxy over a client whose every call is recorded and answered by messages.get. */
function trpcRecordingCalls() {
  const calls: string[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op: operation }) =>
      observable((observer) => {
        calls.push(operation.path);
        const input = operation.input as { messageId: string };
        observer.next({ result: { type: 'data', data: message(input.messageId, 'get') } });
        observer.complete();
      });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const trpc = createTRPCOptionsProxy<AppRouter>({
    client: createTRPCClient<AppRouter>({ links: [link] }),
    queryClient,
  });
  return { calls, queryClient, trpc };
}

describe('openMessageOptions', () => {
  it('takes the answer of a read-ahead on its way instead of asking again', async () => {
    const { calls, queryClient, trpc } = trpcRecordingCalls();
    let answer: (value: Message | null) => void = () => undefined;
    noteReadAhead('a1', 'm1', new Promise((resolve) => (answer = resolve)));
    const opened = queryClient.fetchQuery(openMessageOptions(trpc, 'a1', 'm1', false));
    answer(message('m1', 'peek'));
    expect(await opened).toMatchObject({ id: 'm1', subject: 'peek' });
    expect(calls).toEqual([]);
  });

  it('asks messages.get when the read-ahead found no body in the mirror, or failed', async () => {
    const { calls, queryClient, trpc } = trpcRecordingCalls();
    noteReadAhead('a1', 'm2', Promise.resolve(null));
    noteReadAhead('a1', 'm3', Promise.reject(new Error('offline')));
    const [second, third] = await Promise.all([
      queryClient.fetchQuery(openMessageOptions(trpc, 'a1', 'm2', false)),
      queryClient.fetchQuery(openMessageOptions(trpc, 'a1', 'm3', false)),
    ]);
    expect(second).toMatchObject({ id: 'm2', subject: 'get' });
    expect(third).toMatchObject({ id: 'm3', subject: 'get' });
    expect(calls).toEqual(['messages.get', 'messages.get']);
  });

  it('forgets a read-ahead once it has settled, and never uses one for remote images', async () => {
    const { calls, queryClient, trpc } = trpcRecordingCalls();
    const settled = Promise.resolve(message('m4', 'peek'));
    noteReadAhead('a1', 'm4', settled);
    // the images-allowed read is another message version: the peek (images blocked) is not it
    const withImages = await queryClient.fetchQuery(openMessageOptions(trpc, 'a1', 'm4', true));
    expect(withImages).toMatchObject({ subject: 'get' });
    await settled;
    await Promise.resolve();
    const later = await queryClient.fetchQuery(openMessageOptions(trpc, 'a1', 'm4', false));
    expect(later).toMatchObject({ subject: 'get' });
    expect(calls).toEqual(['messages.get', 'messages.get']);
  });
});
