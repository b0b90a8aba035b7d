import { downFile, migrationsWithoutRollback } from "@/db/migrate";

// Runs after `drizzle-kit generate`: a migration without a rollback file
// would make `npm run db:rollback` stop at it.
const missing = migrationsWithoutRollback();
if (missing.length > 0) {
  console.error(
    "Write a rollback for each new migration:\n" +
      missing.map((tag) => `  ${downFile(tag)}`).join("\n"),
  );
  process.exit(1);
}
