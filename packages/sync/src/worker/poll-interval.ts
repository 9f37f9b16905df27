import { PROVIDER_PRESETS } from '@youjian/mail';

/**
 * Where neither the preset nor the operator says otherwise: about once a minute, the pace
 * DESIGN.md set for servers without IDLE whose tolerance is unknown.
 */
export const DEFAULT_POLL_INTERVAL_MS = 60_000;

/**
 * How often a runner asks INBOX for changes on a server without IDLE (RFC 2177): with
 * NOOP on the open session (RFC 3501 §6.1.2), or with STATUS where INBOX cannot stay
 * selected. Takes the account's preset id (`mail_account.provider`: qq, 163, 126, yeah,
 * custom; an unknown id counts as custom) and the operator's override
 * (YOUJIAN_POLL_INTERVAL_MS), which wins over every preset. Returns milliseconds; never
 * throws.
 */
export function inboxPollIntervalMs(provider: string, override?: number): number {
  if (override !== undefined) return override;
  const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === provider);
  return preset?.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
}
