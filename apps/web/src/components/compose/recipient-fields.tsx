'use client';

import { useTranslations } from 'next-intl';
import { type RefObject, useState } from 'react';
import { type AddressChip, joinChips, parseChips } from '../../lib/address-chips';
import { AddressField } from './address-field';

/** Chips plus what is typed and not yet a chip, as one list for the form. */
function fieldValue(chips: AddressChip[], text: string): string {
  return [joinChips(chips), text.trim()].filter(Boolean).join(', ');
}

/**
 * To and Cc as chips, started from the prefilled lists (a reply's sender, reply all's
 * people). Each is also a hidden form field `to` / `cc` holding the whole list, typed text
 * included, which Send and the draft autosave read like any other field.
 */
export function RecipientFields(props: {
  prefillTo?: string;
  prefillCc?: string;
  toRef?: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations('compose');
  const [to, setTo] = useState(() => parseChips(props.prefillTo ?? ''));
  const [cc, setCc] = useState(() => parseChips(props.prefillCc ?? ''));
  const [toText, setToText] = useState('');
  const [ccText, setCcText] = useState('');
  return (
    <>
      <AddressField
        label={t('to')}
        chips={to}
        onChange={setTo}
        text={toText}
        onText={setToText}
        inputRef={props.toRef}
        required
      />
      <input type="hidden" name="to" value={fieldValue(to, toText)} />
      <AddressField label={t('cc')} chips={cc} onChange={setCc} text={ccText} onText={setCcText} />
      <input type="hidden" name="cc" value={fieldValue(cc, ccText)} />
    </>
  );
}

/** Pure: the first entry of a To or Cc list that is not an e-mail address, if any. */
export function firstInvalidAddress(list: string): string | null {
  return parseChips(list).find((chip) => !chip.valid)?.address ?? null;
}
