import { join } from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ROOT } from "./paths";

/** The local PostgreSQL the bench servers use (trust auth, no password). */
export const POSTGRES =
  process.env.BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432";

export interface BenchDatabase {
  name: string;
  url: string;
  /** A small pool for the bench's own reads and bulk inserts. */
  sql: postgres.Sql;
  drop(): Promise<void>;
}

const live = new Set<BenchDatabase>();

/** Drops every database this bench created and still holds. */
export async function dropAll(): Promise<void> {
  await Promise.allSettled([...live].map((database) => database.drop()));
}

/** A new, migrated database with a unique name, dropped by `drop()`. */
export async function freshDatabase(tag: string): Promise<BenchDatabase> {
  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const name = `schema_render_bench_${tag}_${suffix}`;
  const admin = postgres(`${POSTGRES}/postgres`, {
    max: 1,
    onnotice: () => {},
  });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  const url = `${POSTGRES}/${name}`;
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(migrator), {
      migrationsFolder: join(ROOT, "db/migrations"),
    });
  } finally {
    await migrator.end({ timeout: 5 });
  }

  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const database: BenchDatabase = {
    name,
    url,
    sql,
    async drop() {
      live.delete(database);
      await sql.end({ timeout: 5 });
      const dropper = postgres(`${POSTGRES}/postgres`, {
        max: 1,
        onnotice: () => {},
      });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
  live.add(database);
  return database;
}
