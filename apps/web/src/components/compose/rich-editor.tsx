'use client';

/**
 * The message body: Tiptap (ProseMirror underneath) with its StarterKit — paragraphs,
 * bold, italic, underline, lists, quotes, links, undo. Chosen over a home-made
 * contenteditable and over heavier editors (CKEditor, TinyMCE) because it is headless
 * (our own toolbar, styles and accessible names), well maintained, small with only the
 * StarterKit, and its schema keeps pasted HTML to the nodes it knows — what the server's
 * outgoing sanitizer (packages/mail outgoing/html.ts) lets through anyway.
 */
import Image from '@tiptap/extension-image';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import {
  BoldIcon,
  ItalicIcon,
  LinkIcon,
  ListIcon,
  ListOrderedIcon,
  type LucideIcon,
  TextQuoteIcon,
} from 'lucide-react';
import { useTranslations } from 'next-intl';
import './compose.css';

export interface RichEditorProps {
  /** the first document (editor HTML); read once */
  initialHtml: string;
  /** caret at the start (a reply is written above the quote) and focused */
  autofocus: boolean;
  /** image files pasted or dropped into the text: returns their blob: URLs to show */
  onImages: (files: File[]) => string[];
  onReady: (editor: Editor) => void;
}

function imagesOf(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter((file) => file.type.startsWith('image/'));
}

export function RichEditor(props: RichEditorProps) {
  const t = useTranslations('compose');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, autolink: true } }),
      Image.configure({ inline: true }),
    ],
    content: props.initialHtml,
    // rendered on the client only: no server HTML to match
    immediatelyRender: false,
    // the toolbar shows which marks are on where the caret is
    shouldRerenderOnTransaction: true,
    autofocus: props.autofocus ? 'start' : false,
    editorProps: {
      attributes: {
        'aria-label': t('message'),
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'compose-editor',
      },
      handlePaste: (view, event) => {
        const images = imagesOf(event.clipboardData);
        if (images.length === 0) return false;
        event.preventDefault();
        insertImages(view, props.onImages(images), images);
        return true;
      },
      handleDrop: (view, event) => {
        const images = imagesOf(event.dataTransfer);
        if (images.length === 0) return false;
        event.preventDefault();
        insertImages(view, props.onImages(images), images);
        return true;
      },
    },
    onCreate: ({ editor: created }) => props.onReady(created),
  });
  return (
    <div className="compose-editor-frame">
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function insertImages(
  view: { dispatch: Editor['view']['dispatch']; state: Editor['state'] },
  urls: string[],
  files: File[],
) {
  const { schema } = view.state;
  const image = schema.nodes.image;
  if (!image) return;
  let transaction = view.state.tr;
  urls.forEach((src, i) => {
    transaction = transaction.replaceSelectionWith(
      image.create({ src, alt: files[i]?.name ?? '' }),
    );
  });
  view.dispatch(transaction);
}

function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations('compose');
  const buttons: { label: string; icon: LucideIcon; active: boolean; run: () => void }[] = [
    {
      label: t('bold'),
      icon: BoldIcon,
      active: editor.isActive('bold'),
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      label: t('italic'),
      icon: ItalicIcon,
      active: editor.isActive('italic'),
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      label: t('bulletList'),
      icon: ListIcon,
      active: editor.isActive('bulletList'),
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      label: t('orderedList'),
      icon: ListOrderedIcon,
      active: editor.isActive('orderedList'),
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      label: t('quote'),
      icon: TextQuoteIcon,
      active: editor.isActive('blockquote'),
      run: () => editor.chain().focus().toggleBlockquote().run(),
    },
    {
      label: t('link'),
      icon: LinkIcon,
      active: editor.isActive('link'),
      run: () => {
        const href = window.prompt(
          t('linkPrompt'),
          editor.getAttributes('link').href ?? 'https://',
        );
        if (href === null) return;
        const chain = editor.chain().focus().extendMarkRange('link');
        if (href.trim() === '') chain.unsetLink().run();
        else chain.setLink({ href: href.trim() }).run();
      },
    },
  ];
  return (
    <div role="toolbar" aria-label={t('formatting')} className="compose-toolbar">
      {buttons.map(({ label, icon: Icon, active, run }) => (
        <button
          key={label}
          type="button"
          className="icon-only-button"
          aria-label={label}
          aria-pressed={active}
          title={label}
          onClick={run}
        >
          <Icon size={16} aria-hidden />
        </button>
      ))}
    </div>
  );
}
