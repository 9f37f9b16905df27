/**
 * The image proxy's memory cache: least recently used first out, bounded by entries and
 * bytes, entries expire. A Map keeps insertion order, which is all an LRU needs here;
 * the process-local cache suits images that are cheap to fetch again after a restart.
 */
export interface CachedImage {
  contentType: string;
  bytes: Buffer;
}

export class ImageCache {
  private readonly entries = new Map<string, CachedImage & { expiresAt: number }>();
  private bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number; ttlMs: number }) {}

  /** The image for `url` if cached and fresh (and marks it recently used), else undefined. */
  get(url: string, now = Date.now()): CachedImage | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    this.entries.delete(url);
    if (entry.expiresAt <= now) {
      this.bytes -= entry.bytes.length;
      return undefined;
    }
    this.entries.set(url, entry);
    return { contentType: entry.contentType, bytes: entry.bytes };
  }

  /** Stores an image, evicting the least recently used until both limits hold. */
  set(url: string, image: CachedImage, now = Date.now()): void {
    if (image.bytes.length > this.limits.maxBytes) return;
    this.get(url, Number.POSITIVE_INFINITY);
    this.entries.set(url, { ...image, expiresAt: now + this.limits.ttlMs });
    this.bytes += image.bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes.length;
    }
  }
}
