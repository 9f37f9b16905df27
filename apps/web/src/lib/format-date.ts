/**
 * One Intl.DateTimeFormat per locale, zone and options, made once: building one costs far
 * more than formatting with it (ICU loads the locale's patterns), and a list formats the
 * date of every row in sight on each render — three formatters a row made the rows' render
 * the largest cost of opening a message (issue 11's trace).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/** The calendar day a moment falls on in a time zone, as YYYY-MM-DD (en-CA's date order). */
function dayIn(date: Date, timeZone: string): string {
  return formatter('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export interface ListDateOptions {
  locale: string;
  /** IANA zone the user reads in, e.g. Asia/Shanghai */
  timeZone: string;
  now?: Date;
}

/**
 * A message's date for a list row, as mail apps show it: today the time only, this year
 * the month and day, older the full date — in the user's language and time zone.
 */
export function formatListDate(
  date: Date,
  { locale, timeZone, now = new Date() }: ListDateOptions,
) {
  const today = dayIn(now, timeZone);
  const day = dayIn(date, timeZone);
  if (day === today) {
    return formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  }
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return formatter(locale, {
    timeZone,
    ...(sameYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
  }).format(date);
}

/** The full date and time of one message, for the reading pane and tooltips. */
export function formatFullDate(date: Date, { locale, timeZone }: Omit<ListDateOptions, 'now'>) {
  return formatter(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
