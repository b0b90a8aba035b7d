import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import {
  appliedCount,
  migrationsWithoutRollback,
  readJournal,
  rollbackLast,
} from "@/db/migrate";
import { testBackends, useTestDatabase } from "@/test/db";

async function tableNames(db: Parameters<typeof appliedCount>[0]) {
  const result = await db.execute(
    sql`select table_name from information_schema.tables
        where table_schema = 'public' order by table_name`,
  );
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

describe("migrations", () => {
  it("every migration has a rollback file", () => {
    expect(migrationsWithoutRollback()).toEqual([]);
  });

  for (const backend of testBackends()) {
    describe(backend.name, () => {
      const handle = useTestDatabase(backend, { migrate: false });

      it("apply all, roll all back, apply again", async () => {
        const { db, database } = handle;
        const total = readJournal().length;

        await database.migrate();
        expect(await appliedCount(db)).toBe(total);
        expect(await tableNames(db)).toEqual([
          "account",
          "activities",
          "activity_entries",
          "activity_schema_versions",
          "render_cache",
          "session",
          "user",
          "verification",
        ]);

        for (let left = total; left > 0; left -= 1) {
          expect(await rollbackLast(db)).not.toBeNull();
        }
        expect(await appliedCount(db)).toBe(0);
        expect(await tableNames(db)).toEqual([]);
        expect(await rollbackLast(db)).toBeNull();

        await database.migrate();
        expect(await appliedCount(db)).toBe(total);
        expect(await tableNames(db)).toHaveLength(8);
      });
    });
  }
});
