/** The pages of the web app that account links lead to (apps/web/src/app/(auth)). */
export const ACCOUNT_PAGES = {
  /** a mailed verification link opens it; a button there confirms (confirm-address.ts) */
  confirmAddress: '/confirm-address',
  verified: '/verified',
  resetPassword: '/reset-password',
  forgotPassword: '/forgot-password',
} as const;

/** The path of the page a mailed verification link opens, for `token`. */
export function confirmAddressPath(token: string): string {
  return `${ACCOUNT_PAGES.confirmAddress}?token=${encodeURIComponent(token)}`;
}
