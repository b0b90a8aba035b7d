import { parseArgs } from "node:util";
import { Scenario, startFakeOpenAI } from "./server";

/**
 * Runs the fake OpenAI server on its own, for e2e runs and benchmarks:
 *   npx tsx test/fake-openai/cli.ts --port 4010 [--scenario '{"delayMs":800}']
 * Prints the base URL (ending in /v1) on one line once it listens, and
 * stops on SIGTERM or SIGINT.
 */

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    scenario: { type: "string" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got "${values.port}".`);
  process.exit(2);
}
const scenario = values.scenario
  ? Scenario.partial().parse(JSON.parse(values.scenario))
  : undefined;

const fake = await startFakeOpenAI({ port, host: values.host, scenario });
console.log(fake.url);

const stop = () => {
  fake.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
