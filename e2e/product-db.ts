import pg from 'pg';

/**
 * Runs `query` against the product's database of this e2e run — one of the test
 * Postgres' youjian_e2e_* databases (server.ts names it at random): the first where it
 * returns rows for `userEmail`'s data. Returns those rows (none when no database has any).
 */
export async function productQuery<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const names = (
    await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'youjian_e2e_%'",
    )
  ).rows.map((row) => row.datname);
  await admin.end();
  for (const name of names) {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      const { rows } = await client.query<T>(sql, params);
      if (rows.length > 0) return rows;
    } catch {
      // a database another run is creating or dropping
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return [];
}
