'use client';

import type { RouterOutputs } from '@youjian/api';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../../i18n/use-error-text';
import type { InResponseTo } from '../compose-dialog';
import { useMailLocation } from '../mail-location';
import type { ReadingPaneProps } from '../reading-pane';
import { MessageBody } from './message-body';
import { MessageControls } from './message-controls';
import { useOpenMessage } from './use-open-message';

type OpenMessage = RouterOutputs['messages']['get'];
type Folder = ReadingPaneProps['folders'][number];

/**
 * One message read on its own: in the message reading mode the pane itself, in a
 * conversation of one the conversation's only article.
 */
export function SingleMessage({ className, ...props }: ReadingPaneProps & { className: string }) {
  const t = useTranslations('mail');
  const errorText = useErrorText();
  const { open, showImages, onShowImages } = useOpenMessage(props.accountId, props.messageId);
  if (open.isPending) return <div className={`${className} muted pad`}>{t('opening')}</div>;
  if (open.error) {
    return (
      <div className={`${className} pad`}>
        <p className="error">{errorText(open.error)}</p>
      </div>
    );
  }
  return (
    <MessageView
      className={className}
      message={open.data}
      folders={props.folders}
      onRespond={props.onRespond}
      showImages={showImages}
      onShowImages={onShowImages}
    />
  );
}

function MessageView(props: {
  className: string;
  message: OpenMessage;
  folders: Folder[];
  onRespond: (inResponseTo: InResponseTo) => void;
  showImages: boolean;
  onShowImages: () => void;
}) {
  const { message, folders } = props;
  const t = useTranslations('mail');
  const router = useRouter();
  const location = useMailLocation();
  return (
    <article className={props.className} aria-labelledby="reading-subject">
      <header className="message-header">
        {/* phones show one pane at a time: this leads back to the list (responsive.css) */}
        <Link className="back-link" href={location.href({ messageId: null })} scroll={false}>
          <ArrowLeft aria-hidden="true" className="icon" size={18} />
          {t('backToList')}
        </Link>
        <h2 id="reading-subject">{message.subject || t('noSubject')}</h2>
        <MessageControls
          message={message}
          folders={folders}
          onRespond={props.onRespond}
          onDone={() => router.push(location.href({ messageId: null }), { scroll: false })}
        />
      </header>
      <MessageBody
        message={message}
        showImages={props.showImages}
        onShowImages={props.onShowImages}
      />
    </article>
  );
}
