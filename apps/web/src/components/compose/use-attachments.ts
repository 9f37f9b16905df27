'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatSize } from '../../lib/format-size';
import { useTRPC } from '../../trpc/react';
import { UploadRefused, uploadFile } from './upload-file';

/** A file in compose: uploading (progress 0–1), uploaded (fileId), or failed. */
export interface ComposeAttachment {
  key: string;
  name: string;
  size: number;
  progress: number;
  fileId?: string;
  /** a pasted image the editor shows: its blob: URL there and its Content-ID when sent */
  inline?: { objectUrl: string; contentId: string };
}

let nextKey = 0;

/**
 * The files of one compose: added by picker, drop or paste, each uploaded at once with
 * progress. A file that would take the mail past `limitBytes` (the provider's, summed over
 * all files) is refused before a byte is sent, with `error` saying so in words; removing
 * a file aborts its upload or deletes it from the store.
 */
export function useAttachments(options: {
  /** the mailbox compose sends from now, and what its provider takes in files (bytes) */
  sender: () => { accountId: string; limitBytes: number };
}) {
  const t = useTranslations('compose');
  const locale = useLocale();
  const trpc = useTRPC();
  const removeFile = useMutation(trpc.compose.removeFile.mutationOptions());
  const [items, setItems] = useState<ComposeAttachment[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  /** blob: URL of each pasted image → its Content-ID, known the moment it is pasted */
  const contentIds = useRef(new Map<string, string>());
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const [error, setError] = useState('');
  const senderRef = useRef(options.sender);
  senderRef.current = options.sender;

  // compose closed: stop what is still uploading and free the pasted images' URLs
  useEffect(
    () => () => {
      for (const controller of aborts.current.values()) controller.abort();
      for (const item of itemsRef.current) {
        if (item.inline) URL.revokeObjectURL(item.inline.objectUrl);
      }
    },
    [],
  );

  const update = useCallback((key: string, change: Partial<ComposeAttachment>) => {
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }, []);

  const add = useCallback(
    (files: File[], inline = false): ComposeAttachment[] => {
      const { accountId, limitBytes } = senderRef.current();
      setError('');
      let total = itemsRef.current.reduce((sum, item) => sum + item.size, 0);
      const added: ComposeAttachment[] = [];
      for (const file of files) {
        if (total + file.size > limitBytes) {
          setError(
            t('tooLarge', {
              name: file.name,
              size: formatSize(file.size, locale),
              limit: formatSize(limitBytes, locale),
            }),
          );
          continue;
        }
        total += file.size;
        const key = `a${++nextKey}`;
        const item: ComposeAttachment = {
          key,
          name: file.name || t('pastedImage'),
          size: file.size,
          progress: 0,
          ...(inline
            ? {
                inline: {
                  objectUrl: URL.createObjectURL(file),
                  contentId: `${key}.${Date.now()}@youjian`,
                },
              }
            : {}),
        };
        if (item.inline) contentIds.current.set(item.inline.objectUrl, item.inline.contentId);
        added.push(item);
        const controller = new AbortController();
        aborts.current.set(key, controller);
        uploadFile(file, accountId, (progress) => update(key, { progress }), controller.signal)
          .then((stored) => update(key, { fileId: stored.id, progress: 1 }))
          .catch((error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            setItems((current) => current.filter((entry) => entry.key !== key));
            const reason = error instanceof UploadRefused ? error.message : String(error);
            setError(t('uploadFailed', { name: file.name, reason }));
          })
          .finally(() => aborts.current.delete(key));
      }
      setItems((current) => [...current, ...added]);
      return added;
    },
    [locale, t, update],
  );

  const remove = useCallback(
    (key: string) => {
      aborts.current.get(key)?.abort();
      const item = itemsRef.current.find((entry) => entry.key === key);
      if (item?.inline) URL.revokeObjectURL(item.inline.objectUrl);
      if (item?.fileId) removeFile.mutate({ fileId: item.fileId });
      setItems((current) => current.filter((entry) => entry.key !== key));
    },
    [removeFile],
  );

  /** the editor's HTML with each pasted image's blob: URL replaced by cid: (RFC 2392) */
  const toContentIds = useCallback((html: string) => {
    let result = html;
    for (const [url, id] of contentIds.current) result = result.replaceAll(url, `cid:${id}`);
    return result;
  }, []);

  return {
    items,
    add,
    remove,
    /** the last refusal or failure, in words; cleared by the next add */
    error,
    uploading: items.some((item) => !item.fileId),
    toContentIds,
    /** what messages.send takes: uploads, and pasted images while the text shows them */
    files: (html: string) =>
      items.flatMap((item) => {
        if (!item.fileId) return [];
        if (!item.inline) return [{ fileId: item.fileId }];
        return html.includes(`cid:${item.inline.contentId}`)
          ? [{ fileId: item.fileId, contentId: item.inline.contentId }]
          : [];
      }),
  };
}
