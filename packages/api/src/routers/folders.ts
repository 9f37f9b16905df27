import { z } from 'zod';
import { createFolder } from '../services/create-folder';
import { deleteFolder } from '../services/delete-folder';
import { renameFolder } from '../services/rename-folder';
import { protectedProcedure } from '../trpc';

const folderName = z.string().max(200, 'The folder name is too long.');

export const createFolderInput = z.object({ accountId: z.uuid(), name: folderName });
export const renameFolderInput = z.object({
  accountId: z.uuid(),
  folderId: z.uuid(),
  name: folderName,
});
export const deleteFolderInput = z.object({ accountId: z.uuid(), folderId: z.uuid() });

export const foldersRouter = {
  create: protectedProcedure
    .input(createFolderInput)
    .mutation(({ ctx, input }) => createFolder({ db: ctx.db, userId: ctx.userId, ...input })),

  rename: protectedProcedure
    .input(renameFolderInput)
    .mutation(({ ctx, input }) => renameFolder({ db: ctx.db, userId: ctx.userId, ...input })),

  delete: protectedProcedure
    .input(deleteFolderInput)
    .mutation(({ ctx, input }) => deleteFolder({ db: ctx.db, userId: ctx.userId, ...input })),
};
