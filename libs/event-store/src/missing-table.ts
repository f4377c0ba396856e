/** The table a query named that the database does not have (SQLite's `no such table`, PostgreSQL's 42P01), if that is the error. */
export function missingTableOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const sqlite = /^no such table: (\S+)$/.exec(error.message);
  if (sqlite) return sqlite[1];
  if ((error as Error & { code?: unknown }).code !== '42P01') return undefined;
  return /^relation "([^"]+)" does not exist$/.exec(error.message)?.[1] ?? 'the query named';
}
