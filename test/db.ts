import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Database, type Db, openPglite, openPostgres } from "@/db/client";

export interface TestBackend {
  name: "pglite" | "postgres";
  /** Creates an empty database and opens it. */
  create(): Promise<{ database: Database; drop(): Promise<void> }>;
}

const pglite: TestBackend = {
  name: "pglite",
  async create() {
    const database = openPglite();
    return { database, drop: async () => {} };
  },
};

function serverBackend(url: string): TestBackend {
  return {
    name: "postgres",
    async create() {
      // Each test file gets a database of its own, so files can run in
      // parallel against one server without seeing each other's rows.
      const name = `sr_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = openPostgres(target.toString(), 4);
      return {
        database,
        async drop() {
          await database.close();
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    },
  };
}

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, serverBackend(url)] : [pglite];
}

const TABLES = [
  "activity_entries",
  "activity_schema_versions",
  "render_cache",
  "activities",
  "session",
  "account",
  "verification",
  "user",
];

export async function truncateAll(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`truncate table ${TABLES.map((t) => `"${t}"`).join(", ")} cascade`),
  );
}

/**
 * Opens a migrated database for the test file and empties it before each
 * test. Read `handle.db` inside tests, not at module level.
 */
export function useTestDatabase(
  backend: TestBackend,
  options: { migrate?: boolean } = {},
): { readonly db: Db; readonly database: Database } {
  let opened: Awaited<ReturnType<TestBackend["create"]>> | undefined;
  const migrate = options.migrate ?? true;

  beforeAll(async () => {
    opened = await backend.create();
    if (migrate) await opened.database.migrate();
  });
  beforeEach(async () => {
    if (migrate && opened) await truncateAll(opened.database.db);
  });
  afterAll(async () => {
    await opened?.drop();
    if (backend.name === "pglite") await opened?.database.close();
  });

  return {
    get db() {
      if (!opened) throw new Error("The test database is not open yet.");
      return opened.database.db;
    },
    get database() {
      if (!opened) throw new Error("The test database is not open yet.");
      return opened.database;
    },
  };
}
