import { type Database, desc, eq, recentSearch } from '@youjian/db';
import { RECENT_SEARCHES_KEPT } from '../lib/recent-searches';

/** The user's last searches, newest first, as they typed them (at most RECENT_SEARCHES_KEPT). */
export async function listRecentSearches(options: {
  db: Database;
  userId: string;
}): Promise<string[]> {
  const rows = await options.db
    .select({ query: recentSearch.query })
    .from(recentSearch)
    .where(eq(recentSearch.userId, options.userId))
    .orderBy(desc(recentSearch.searchedAt))
    .limit(RECENT_SEARCHES_KEPT);
  return rows.map((row) => row.query);
}
