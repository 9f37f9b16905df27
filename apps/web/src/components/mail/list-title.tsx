import type { RouterOutputs } from '@youjian/api';
import { useTranslations } from 'next-intl';
import { useFolderLabel } from '../../i18n/use-folder-label';
import type { MailView } from '../mail-location';
import { VIEW_LABEL } from './views-nav';

type Account = RouterOutputs['accounts']['list'][number];
type Folder = Account['folders'][number];

/** The list's heading says what is shown and whose: "Inbox — alice@qq.com", "All inboxes". */
export function ListTitle(props: {
  view: MailView | null;
  account: Account | null;
  folder: Folder | null;
  query: string;
}) {
  const { view, account, folder, query } = props;
  const t = useTranslations('mailList');
  const tView = useTranslations('views');
  const folderLabel = useFolderLabel();
  let title: string;
  let owner: string | null = null;
  if (query) {
    title = t('searchTitle', { query });
    owner = folder ? (account?.address ?? null) : t('allMailboxes');
  } else if (folder) {
    title = folderLabel(folder);
    owner = account?.address ?? null;
  } else {
    title = tView(VIEW_LABEL[view ?? 'all-inboxes']);
    owner = t('allMailboxes');
  }
  return (
    <h1 className="list-title">
      {title}
      {owner && <span className="list-owner"> {t('owner', { owner })}</span>}
    </h1>
  );
}
