import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { MIGRATIONS_DIR } from "@/db/migrate";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/** A database handle or a transaction; queries take either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  driver: "postgres" | "pglite";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Opens PostgreSQL through `postgres` (the production driver). */
export function openPostgres(url: string, max = 10): Database {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Db,
    driver: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens the embedded PGlite database; `dir` undefined keeps it in memory. */
export function openPglite(dir?: string): Database {
  const release = dir ? lockDataDir(dir) : () => {};
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite takes no lock on its folder, and two processes writing one folder
 * leave it unreadable. A lock file beside it, naming the owner's process
 * id, makes a second opener fail at once and say who holds it.
 */
function lockDataDir(dir: string): () => void {
  const file = `${dir.replace(/\/+$/, "")}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(readFileSync(file, "utf8"));
    if (owner !== process.pid && processAlive(owner)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${owner}. ` +
          "Stop it first, or set PGLITE_DIR to another folder.",
      );
    }
    writeFileSync(file, String(process.pid));
  }
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface ProcessDatabase {
  database: Database;
  ready: Promise<void>;
}

// `next dev` reloads modules on every change; keeping the handle on
// globalThis leaves one PGlite instance (one lock on its folder) per process.
const holder = globalThis as typeof globalThis & {
  __schemaRenderDb?: ProcessDatabase;
};

function openProcessDatabase(): ProcessDatabase {
  const config = env();
  const database = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL)
    : openPglite(config.PGLITE_DIR);
  // The embedded database migrates itself; a server is migrated by
  // `npm run db:migrate` as a deploy step.
  const ready =
    database.driver === "pglite" ? database.migrate() : Promise.resolve();
  logger().info(
    {
      driver: database.driver,
      dir: config.DATABASE_URL ? undefined : config.PGLITE_DIR,
    },
    "database opened",
  );
  return { database, ready };
}

/** Lets a test hand the app its own database; null restores. */
export function setDatabaseForTests(database: Database | null): void {
  if (database) {
    holder.__schemaRenderDb = { database, ready: Promise.resolve() };
  } else {
    delete holder.__schemaRenderDb;
  }
}

/**
 * Closes the process-wide database, if one was opened. The embedded one
 * must be closed before the process ends, or its folder may not open again.
 */
export async function closeDatabase(): Promise<void> {
  const open = holder.__schemaRenderDb;
  if (!open) return;
  delete holder.__schemaRenderDb;
  await open.ready.catch(() => {});
  await open.database.close();
}

/** The process-wide database, migrated when embedded. */
export async function getDatabase(): Promise<Database> {
  holder.__schemaRenderDb ??= openProcessDatabase();
  await holder.__schemaRenderDb.ready;
  return holder.__schemaRenderDb.database;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
