/**
 * `db.execute` answers with an array under `postgres` and with
 * `{ rows }` under PGlite; raw queries read their rows through this.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
