import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountsRouter } from './routers/accounts';
import { composeRouter } from './routers/compose';
import { conversationsRouter } from './routers/conversations';
import { draftsRouter } from './routers/drafts';
import { eventsRouter } from './routers/events';
import { foldersRouter } from './routers/folders';
import { messagesRouter } from './routers/messages';
import { outboxRouter } from './routers/outbox';
import { preferencesRouter } from './routers/preferences';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  accounts: accountsRouter,
  messages: messagesRouter,
  conversations: conversationsRouter,
  compose: composeRouter,
  folders: foldersRouter,
  events: eventsRouter,
  drafts: draftsRouter,
  outbox: outboxRouter,
  preferences: preferencesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
