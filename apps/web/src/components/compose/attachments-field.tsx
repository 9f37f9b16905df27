'use client';

import { FileIcon, PaperclipIcon, XIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { formatSize } from '../../lib/format-size';
import type { ComposeAttachment } from './use-attachments';

/**
 * "Attach files" (a picker), files dropped anywhere on compose, and the list of what is
 * attached: each with its size and upload progress, removable until Send. A forward's
 * own attachments (added by the server when sending) are listed without removal.
 */
export function AttachmentsField(props: {
  items: ComposeAttachment[];
  /** the original's files a forward carries */
  forwarded: { filename: string; size: number }[];
  error: string;
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
}) {
  const t = useTranslations('compose');
  const locale = useLocale();
  const picker = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const onAdd = useRef(props.onAdd);
  onAdd.current = props.onAdd;

  // the whole compose window takes dropped files; the editor keeps dropped images inline
  useEffect(() => {
    const target = root.current?.closest('dialog');
    if (!target) return;
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.target === target) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      setDragging(false);
      if (!event.dataTransfer?.files.length || event.defaultPrevented) return;
      event.preventDefault();
      onAdd.current(Array.from(event.dataTransfer.files));
    };
    target.addEventListener('dragover', over);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragover', over);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
    };
  }, []);

  const files = props.items.filter((item) => !item.inline);
  return (
    <div ref={root} className={dragging ? 'compose-files dragging' : 'compose-files'}>
      <div className="compose-files-bar">
        <button type="button" className="icon-button" onClick={() => picker.current?.click()}>
          <PaperclipIcon size={16} aria-hidden />
          {t('attachFiles')}
        </button>
        <span className="muted">{dragging ? t('dropFiles') : t('dropHint')}</span>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label={t('attachFiles')}
          onChange={(event) => {
            props.onAdd(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </div>
      {(files.length > 0 || props.forwarded.length > 0) && (
        <ul className="compose-attachments" aria-label={t('attachments')}>
          {props.forwarded.map((file) => (
            <li key={`f-${file.filename}`}>
              <FileIcon size={14} aria-hidden /> {file.filename}{' '}
              <span className="muted">{formatSize(file.size, locale)}</span>
            </li>
          ))}
          {files.map((item) => (
            <li key={item.key}>
              <FileIcon size={14} aria-hidden /> <span>{item.name}</span>{' '}
              <span className="muted">{formatSize(item.size, locale)}</span>
              {!item.fileId && (
                <progress
                  max={1}
                  value={item.progress}
                  aria-label={t('uploading', { name: item.name })}
                />
              )}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('removeAttachment', { name: item.name })}
                onClick={() => props.onRemove(item.key)}
              >
                <XIcon size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="alert" className="error">
        {props.error}
      </p>
    </div>
  );
}
