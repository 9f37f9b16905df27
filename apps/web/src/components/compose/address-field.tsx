'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { XIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { type KeyboardEvent, type RefObject, useDeferredValue, useId, useState } from 'react';
import { type AddressChip, addChips, formatChip, parseChips } from '../../lib/address-chips';
import { useTRPC } from '../../trpc/react';

/**
 * To or Cc: addresses as chips, typed text becoming chips on Enter, comma, Tab or leaving
 * the field, a flagged chip for what is not an address, and suggestions of people seen in
 * the user's mail (compose.suggestRecipients) as an ARIA 1.2 combobox listbox.
 */
export function AddressField(props: {
  label: string;
  chips: AddressChip[];
  onChange: (chips: AddressChip[]) => void;
  /** the text typed and not yet a chip, read by Send */
  text: string;
  onText: (text: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  required?: boolean;
}) {
  const t = useTranslations('compose');
  const trpc = useTRPC();
  const id = useId();
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const { chips, onChange, text, onText } = props;
  const query = useDeferredValue(text.trim());
  const suggestions = useQuery(
    trpc.compose.suggestRecipients.queryOptions(
      { query },
      { enabled: open && query.length > 0, placeholderData: keepPreviousData, staleTime: 30_000 },
    ),
  );
  const taken = new Set(chips.map((chip) => chip.address.toLowerCase()));
  const options =
    open && query.length > 0
      ? (suggestions.data ?? []).filter((s) => !taken.has(s.address.toLowerCase()))
      : [];

  function commit(value = text) {
    const parsed = parseChips(value);
    if (parsed.length > 0) onChange(addChips(chips, parsed));
    onText('');
    setActive(0);
  }

  function pick(index: number) {
    const option = options[index];
    if (!option) return;
    onChange(addChips(chips, [{ name: option.name, address: option.address, valid: true }]));
    onText('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((active - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && (options.length > 0 || text.trim())) {
      event.preventDefault();
      if (options.length > 0) pick(active);
      else commit();
    } else if ((event.key === 'Tab' && text.trim()) || event.key === ',' || event.key === ';') {
      if (event.key !== 'Tab') event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && text === '' && chips.length > 0) {
      onChange(chips.slice(0, -1));
    } else if (event.key === 'Escape' && options.length > 0) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const listId = `${id}-suggestions`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="address-field">
        {chips.length > 0 && (
          <ul className="address-chips" aria-label={t('recipients', { field: props.label })}>
            {chips.map((chip) => (
              <li
                key={chip.address}
                className={chip.valid ? 'address-chip' : 'address-chip invalid'}
                title={
                  chip.valid ? formatChip(chip) : t('invalidAddress', { address: chip.address })
                }
              >
                <span>{chip.name || chip.address}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('removeRecipient', { address: chip.address })}
                  onClick={() => onChange(chips.filter((other) => other !== chip))}
                >
                  <XIcon size={12} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          ref={props.inputRef}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options.length > 0 ? `${listId}-${active}` : undefined}
          aria-invalid={chips.some((chip) => !chip.valid) || undefined}
          autoComplete="off"
          required={props.required && chips.length === 0}
          value={text}
          onChange={(event) => {
            const value = event.target.value;
            setOpen(true);
            // a pasted list, or a separator typed at the end, becomes chips at once
            if (/[,;，；\n]\s*$/.test(value) || /[,;，；\n].*@/.test(value)) commit(value);
            else onText(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            commit();
          }}
        />
        {/* ARIA 1.2 combobox: focus stays in the input, aria-activedescendant names the
            option, so the options are neither focusable nor buttons */}
        <div
          id={listId}
          role="listbox"
          aria-label={t('suggestions')}
          className="address-suggestions"
          hidden={options.length === 0}
        >
          {options.map((option, index) => (
            // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input
            <div
              key={option.address}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // chosen before the input's blur turns the typed text into a chip
              onMouseDown={(event) => {
                event.preventDefault();
                pick(index);
              }}
            >
              {option.name ? (
                <>
                  <span>{option.name}</span> <span className="muted">{option.address}</span>
                </>
              ) : (
                option.address
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
