/** A wait as a count of the largest unit that reads naturally: 42 seconds, 15 minutes, 2 hours. */
export interface Wait {
  unit: 'seconds' | 'minutes' | 'hours';
  count: number;
}

/** Rounded up, so "Try again in 2 minutes" is never too early. */
export function waitOf(seconds: number): Wait {
  if (seconds < 60) return { unit: 'seconds', count: Math.max(1, Math.ceil(seconds)) };
  if (seconds < 3600) return { unit: 'minutes', count: Math.ceil(seconds / 60) };
  return { unit: 'hours', count: Math.ceil(seconds / 3600) };
}
