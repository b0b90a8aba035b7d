import { assignedPorts } from "./support/ports";
import {
  buildOnce,
  clearState,
  type Started,
  startFakeOpenAI,
  startNext,
  stopProcess,
  tempDir,
  waitUntilReady,
  writeState,
} from "./support/servers";

/**
 * Builds the app once and starts what the tests talk to: the fake OpenAI
 * server, and two `next start` servers from the same build, each with a
 * fresh embedded database and the in-process runner. Teardown stops them
 * by the PIDs written here.
 */
export default async function globalSetup(): Promise<void> {
  const ports = assignedPorts();
  clearState();
  buildOnce();

  const started: Started[] = [];
  const tempDirs: string[] = [];
  const remember = () =>
    writeState({
      pids: started.map(({ name, child }) => ({ name, pid: child.pid ?? 0 })),
      tempDirs,
    });

  try {
    const fake = startFakeOpenAI(ports.fake);
    started.push(fake);
    remember();
    const fakeUrl = `http://127.0.0.1:${ports.fake}`;

    const rulesDb = tempDir("rules");
    const aiDb = tempDir("ai");
    tempDirs.push(rulesDb, aiDb);

    const rules = startNext("rules-server", ports.rules, {
      PGLITE_DIR: rulesDb,
      ANALYSIS_DEBOUNCE_SECONDS: "1",
    });
    started.push(rules);
    const ai = startNext("ai-server", ports.ai, {
      PGLITE_DIR: aiDb,
      ANALYSIS_DEBOUNCE_SECONDS: "1",
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: `${fakeUrl}/v1`,
      OPENAI_MODEL: "fake-model",
      // Long enough for the slowed answers the tests ask for, short
      // enough that a hung answer fails within a test's budget.
      OPENAI_TIMEOUT_MS: "8000",
      ANALYSIS_RETRIES: "2",
    });
    started.push(ai);
    remember();

    await Promise.all([
      waitUntilReady(fake, `${fakeUrl}/__fake/scenario`),
      waitUntilReady(rules, `http://127.0.0.1:${ports.rules}/api/health`),
      waitUntilReady(ai, `http://127.0.0.1:${ports.ai}/api/health`),
    ]);
    console.log(
      `e2e: rules on :${ports.rules}, ai on :${ports.ai}, ` +
        `fake OpenAI on :${ports.fake} (logs in e2e/.artifacts/logs)`,
    );
  } catch (error) {
    await Promise.all(
      started.map(({ child }) => child.pid && stopProcess(child.pid)),
    );
    throw error;
  }
}
