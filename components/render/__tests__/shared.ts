import { readFileSync } from "node:fs";
import { sharedPath } from "@/test/shared";

export { describeShared, hasShared, SHARED_DIR } from "@/test/shared";

export function readShared<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(sharedPath(file), "utf8")) as T;
}

/** Entries as the views take them, from plain data items. */
export function asEntries(items: unknown[]) {
  return items.map((data, index) => ({
    id: `e${index + 1}`,
    data,
    occurredAt: new Date(Date.UTC(2025, 0, 1 + index)).toISOString(),
  }));
}

type Schema = Record<string, unknown> & {
  definitions?: Record<string, unknown>;
};

/** One .NET release record: the schema of one entry, with its definitions. */
export function dotnetRelease() {
  const root = readShared<Schema>(
    "activity-like/schemastore-dotnet-releases-index.schema.json",
  );
  const data = readShared<{ "releases-index": Record<string, unknown>[] }>(
    "activity-like/schemastore-dotnet-releases-index.data.json",
  );
  const product = root.definitions?.product as Schema;
  return {
    schema: { ...product, definitions: root.definitions },
    entries: asEntries(data["releases-index"]),
  };
}
