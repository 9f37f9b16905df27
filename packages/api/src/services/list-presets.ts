import { PROVIDER_PRESETS } from '@youjian/mail';

/** What the "Add mailbox" form needs of each provider preset (no endpoints, no secrets). */
export function listPresets() {
  return PROVIDER_PRESETS.map(({ id, label, authCodeHelp, domains }) => ({
    id,
    label,
    authCodeHelp,
    domains,
  }));
}
