import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The project root, found from this file rather than the working dir. */
export const PROJECT_ROOT = resolve(import.meta.dirname, "../../..");
export const SHARED_SCHEMAS = join(PROJECT_ROOT, "../shared/schemas");
export const OWN_SCHEMAS = join(PROJECT_ROOT, "test/fixtures/schemas");

export interface SchemaFile {
  /** "hard/rjsf-1160-recursive-node", relative to its folder. */
  name: string;
  schema: unknown;
  /** The companion .data.json, when there is one. */
  data: unknown;
}

/** Every *.schema.json under `dir`, one folder deep, with its data. */
export function schemaFiles(dir: string): SchemaFile[] {
  if (!existsSync(dir)) return [];
  const files: SchemaFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const folder = entry.isDirectory() ? join(dir, entry.name) : null;
    if (folder) files.push(...inFolder(folder, `${entry.name}/`));
  }
  files.push(...inFolder(dir, ""));
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

function inFolder(folder: string, prefix: string): SchemaFile[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".schema.json"))
    .map((file) => {
      const base = file.slice(0, -".schema.json".length);
      const dataPath = join(folder, `${base}.data.json`);
      return {
        name: `${prefix}${base}`,
        schema: readJson(join(folder, file)),
        data: existsSync(dataPath) ? readJson(dataPath) : undefined,
      };
    });
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function ownSchema(name: string): unknown {
  return readJson(join(OWN_SCHEMAS, `${name}.schema.json`));
}
