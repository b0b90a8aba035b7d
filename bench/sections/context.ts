import type { BuildInfo } from "../lib/build";

export interface BenchContext {
  /** Repetitions of each measurement; each figure is their median. */
  runs: number;
  /** The production build, made (or reused) on first use. */
  build(): Promise<BuildInfo>;
}
