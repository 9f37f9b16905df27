'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { initialEditorHtml, signatureHtml } from '../../lib/compose-html';
import { RichEditor } from './rich-editor';

/**
 * The body as the rich editor shows it and as the form carries it: hidden fields `html`
 * (the editor's HTML, pasted images by cid:) and `message` (its text, for the draft
 * autosave and the send's fallback), kept current on every change.
 */
export function MessageEditor(props: {
  prefillText?: string;
  /** a reopened draft's HTML: shown as it was saved (takes the place of prefillText) */
  prefillHtml?: string;
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
    props.prefillHtml ||
      initialEditorHtml({ prefillText: props.prefillText, signature: props.signature }),
  );
  const { toContentIds, signature } = props;
  const editor = useRef<Editor | null>(null);
  const shownSignature = useRef(signature);

  // another sending mailbox: its signature replaces the one shown (the "-- " paragraph)
  useEffect(() => {
    const current = editor.current;
    if (!current || signature === shownSignature.current) return;
    shownSignature.current = signature;
    let range: { from: number; to: number } | null = null;
    current.state.doc.forEach((node, offset) => {
      if (!range && node.type.name === 'paragraph' && node.textContent.startsWith('-- ')) {
        range = { from: offset, to: offset + node.nodeSize };
      }
    });
    const html = signatureHtml(signature ?? '');
    if (range)
      current
        .chain()
        .insertContentAt(range, html || '<p></p>')
        .run();
    // none shown yet: below the first line, above any quote
    else if (html)
      current
        .chain()
        .insertContentAt(current.state.doc.firstChild?.nodeSize ?? 0, html)
        .run();
  }, [signature]);

  function copy(from: Editor) {
    if (html.current) html.current.value = toContentIds(from.getHTML());
    if (text.current) text.current.value = from.getText({ blockSeparator: '\n\n' });
  }

  return (
    <div className="field">
      <RichEditor
        initialHtml={initial.current}
        autofocus={props.autofocus}
        onImages={props.onImages}
        onReady={(created) => {
          editor.current = created;
          copy(created);
          created.on('update', () => copy(created));
        }}
      />
      <input ref={html} type="hidden" name="html" />
      <input ref={text} type="hidden" name="message" />
    </div>
  );
}
