// `npm run dev`: Next.js in development, plus the Inngest Dev Server when
// its CLI is installed. Without it, analyses run in the in-process runner.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";

/** The Inngest CLI: the npm package's binary, or `inngest` on PATH. */
function findInngest() {
  const local = path.join(root, "node_modules", ".bin", "inngest-cli");
  if (existsSync(local)) return local;
  const found = spawnSync("which", ["inngest"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

const inngestBin = findInngest();
const children = [];

function start(command, args, env) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  children.push(child);
  return child;
}

if (inngestBin) {
  const url = `http://localhost:${port}/api/inngest`;
  console.log(`Inngest Dev Server: ${inngestBin} dev -u ${url}`);
  start(inngestBin, ["dev", "-u", url], {});
} else {
  console.log(
    "No inngest binary found (node_modules/.bin/inngest-cli or `inngest` " +
      "on PATH): analyses run in the in-process runner instead.",
  );
}

const nextBin = path.join(root, "node_modules", ".bin", "next");
const next = start(nextBin, ["dev", "--port", port], {
  NEXT_TELEMETRY_DISABLED: "1",
  ...(inngestBin ? { INNGEST_DEV: "1" } : {}),
});

// Ctrl-C reaches every child; the first signal is forwarded as is.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    for (const child of children) {
      if (child.exitCode === null) child.kill(signal);
    }
  });
}

next.on("exit", (code, signal) => {
  for (const child of children) {
    if (child !== next && child.exitCode === null) child.kill("SIGTERM");
  }
  process.exit(code ?? (signal ? 1 : 0));
});
