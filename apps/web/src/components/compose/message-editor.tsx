'use client';

import type { Editor } from '@tiptap/react';
import { useRef } from 'react';
import { initialEditorHtml } from '../../lib/compose-html';
import { RichEditor } from './rich-editor';

/**
 * The body as the rich editor shows it and as the form carries it: hidden fields `html`
 * (the editor's HTML, pasted images by cid:) and `message` (its text, for the draft
 * autosave and the send's fallback), kept current on every change.
 */
export function MessageEditor(props: {
  prefillText?: string;
  signature?: string;
  autofocus: boolean;
  /** pasted or dropped images: uploads them, returns blob: URLs to show meanwhile */
  onImages: (files: File[]) => string[];
  /** blob: URL → cid: for the images being uploaded, applied to the HTML that is sent */
  toContentIds: (html: string) => string;
}) {
  const html = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLInputElement>(null);
  const initial = useRef(
    initialEditorHtml({ prefillText: props.prefillText, signature: props.signature }),
  );
  const { toContentIds } = props;

  function copy(editor: Editor) {
    if (html.current) html.current.value = toContentIds(editor.getHTML());
    if (text.current) text.current.value = editor.getText({ blockSeparator: '\n\n' });
  }

  return (
    <div className="field">
      <RichEditor
        initialHtml={initial.current}
        autofocus={props.autofocus}
        onImages={props.onImages}
        onReady={(editor) => {
          copy(editor);
          editor.on('update', () => copy(editor));
        }}
      />
      <input ref={html} type="hidden" name="html" />
      <input ref={text} type="hidden" name="message" />
    </div>
  );
}
