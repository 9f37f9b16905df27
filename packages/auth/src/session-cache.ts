/**
 * A short in-process memory of the sessions this process has read, so that the API calls
 * a page makes every second do not each read the session and its user from Postgres
 * (two queries and ~2 ms of CPU in Better Auth per call, measured under the load
 * benchmark). It is a cache, not an authority:
 *
 * - an entry lives at most `ttlMs` and never past the session's own expiry;
 * - `clear()` forgets everything; createAuth calls it after every Better Auth endpoint but
 *   get-session (sign-out, revoke, password change and reset, account deletion, sign-in…),
 *   so a session ended through this process is refused by this process at once;
 * - a read that began before a clear() does not store its answer (it may predate the change);
 * - a session ended through another process, or by SQL, is still accepted here for at
 *   most `ttlMs` (docs/security.md, "Sessions").
 */
export interface SessionCacheOptions {
  /** how long an entry is trusted, in milliseconds */
  ttlMs: number;
  /** entries kept at most; the oldest goes first */
  maxEntries: number;
  /** milliseconds since the epoch; tests give their own clock */
  now?: () => number;
}

export interface CachedSession {
  session: { expiresAt: Date | string | number };
}

export interface SessionCache<T extends CachedSession> {
  /**
   * The session for `key` (the request's Cookie header) from memory, else from `load`
   * (Better Auth), which is remembered when it is a session. A null answer is not kept.
   */
  read(key: string, load: () => Promise<T | null>): Promise<T | null>;
  /** Forgets every session, and every answer of a read still in flight. */
  clear(): void;
}

export function createSessionCache<T extends CachedSession>({
  ttlMs,
  maxEntries,
  now = Date.now,
}: SessionCacheOptions): SessionCache<T> {
  const entries = new Map<string, { value: T; until: number }>();
  let generation = 0;
  return {
    async read(key, load) {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      if (hit) entries.delete(key);
      const readIn = generation;
      const value = await load();
      if (value && readIn === generation) {
        const until = Math.min(now() + ttlMs, new Date(value.session.expiresAt).getTime());
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(key, { value, until });
      }
      return value;
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}
