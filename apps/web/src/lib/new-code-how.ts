/** Where each provider hands out a new 授权码, as its own settings name the steps (accounts.*). */
const HOW_TO_KEY = {
  qq: 'newCodeHowQq',
  '163': 'newCodeHow163',
  '126': 'newCodeHow163',
  yeah: 'newCodeHow163',
  custom: 'newCodeHowOther',
} as const;

export type NewCodeHowKey = (typeof HOW_TO_KEY)[keyof typeof HOW_TO_KEY];

/**
 * The accounts.* sentence saying how to get a new authorization code at the mailbox's
 * provider (a preset id: qq, 163, 126, yeah, custom); any other provider: ask for an app
 * password.
 */
export function newCodeHowKey(provider: string): NewCodeHowKey {
  // own keys only: 'toString' is not a provider
  return Object.hasOwn(HOW_TO_KEY, provider)
    ? HOW_TO_KEY[provider as keyof typeof HOW_TO_KEY]
    : 'newCodeHowOther';
}
