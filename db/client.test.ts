import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";

function tempDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "sr-lock-")), "pglite");
}

describe("the embedded database's folder lock", () => {
  it("refuses a folder another live process holds, naming it", async () => {
    const dir = tempDir();
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => openPglite(dir)).toThrow(
        new RegExp(`in use by process ${other.pid}`),
      );
    } finally {
      other.kill();
    }
  });

  it("takes over the lock of a process that is gone, and releases it on close", async () => {
    const dir = tempDir();
    writeFileSync(`${dir}.lock`, "999999999");
    const database = openPglite(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    await database.migrate();
    await database.close();
    expect(() => readFileSync(`${dir}.lock`)).toThrow();

    const reopened = openPglite(dir);
    await reopened.migrate();
    await reopened.close();
  });
});
