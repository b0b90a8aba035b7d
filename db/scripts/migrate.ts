import { openPglite, openPostgres } from "@/db/client";
import { rollbackLast } from "@/db/migrate";
import { env } from "@/lib/env";

async function main(direction: string | undefined): Promise<void> {
  const config = env();
  const database = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, 1)
    : openPglite(config.PGLITE_DIR);
  const where = config.DATABASE_URL ? "DATABASE_URL" : config.PGLITE_DIR;
  try {
    if (direction === "up") {
      await database.migrate();
      console.log(`Migrations applied to ${where}.`);
    } else if (direction === "down") {
      const tag = await rollbackLast(database.db);
      console.log(
        tag ? `Rolled back ${tag} on ${where}.` : "Nothing to roll back.",
      );
    } else {
      throw new Error('Say "up" or "down".');
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
