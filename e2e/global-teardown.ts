import { rmSync } from "node:fs";
import { clearState, readState, stopProcess } from "./support/servers";

/** Stops the servers global setup started, by PID, and drops their data. */
export default async function globalTeardown(): Promise<void> {
  const state = readState();
  if (!state) return;
  await Promise.all(state.pids.map(({ pid }) => pid && stopProcess(pid)));
  for (const dir of state.tempDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  clearState();
}
