'use client';

import { CalendarClock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';

/** A datetime-local value (local wall time, minutes) for a Date. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** Tomorrow at 08:00 local time: the first choice Gmail and Outlook offer too. */
function tomorrowMorning(): Date {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(8, 0, 0, 0);
  return date;
}

/** The submit button's value when the form is sent for later; the time is field `sendAt`. */
export const SCHEDULE_INTENT = 'schedule';

/**
 * "Schedule send" beside Send: opens a time field (the browser's own date-time picker,
 * local time) and a Schedule button that submits compose with `sendAt`. The time is read
 * with `scheduledTime(form data)`.
 */
export function ScheduleSendButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations('outbox');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <CalendarClock aria-hidden="true" className="icon" size={16} />
        {t('scheduleSend')}
      </button>
      {open && (
        <fieldset id={panelId} className="schedule-panel">
          <legend className="sr-only">{t('scheduleSend')}</legend>
          <label className="field">
            <span>{t('sendAt')}</span>
            <input
              type="datetime-local"
              name="sendAt"
              required
              min={localInputValue(new Date())}
              defaultValue={localInputValue(tomorrowMorning())}
            />
          </label>
          <button
            type="submit"
            className="primary"
            name="intent"
            value={SCHEDULE_INTENT}
            disabled={disabled}
          >
            {t('schedule')}
          </button>
        </fieldset>
      )}
    </>
  );
}

/** The scheduled time of a submit by the Schedule button, or undefined for a plain Send. */
export function scheduledTime(event: SubmitEvent, data: FormData): Date | undefined {
  const submitter = event.submitter as HTMLButtonElement | null;
  if (submitter?.value !== SCHEDULE_INTENT) return undefined;
  const value = String(data.get('sendAt') ?? '');
  return value ? new Date(value) : undefined;
}
