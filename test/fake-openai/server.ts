import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import {
  completion,
  goodSuggestion,
  hostileSuggestion,
  requestData,
  toolCallMessage,
  unknownFieldSuggestion,
} from "./answers";

/**
 * An OpenAI-compatible server for tests, e2e runs and benchmarks: enough
 * of POST /v1/chat/completions and GET /v1/models for the real `openai`
 * client, answering from a scenario a test sets in process or over HTTP.
 */

export const BEHAVIOURS = [
  "good",
  "slow",
  "rate_limited",
  "rate_limited_ms",
  "quota_exceeded",
  "error500",
  "hang",
  "malformed_json",
  "unknown_field",
  "no_tool_call",
  "refusal",
  "content_filter",
  "unauthorized",
  "model_not_found",
  "bad_request",
  "hostile",
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export const Scenario = z
  .object({
    /** Behaviours for the next requests, one each, in order. */
    queue: z.array(z.enum(BEHAVIOURS)),
    /** What every request gets once the queue is empty. */
    default: z.enum(BEHAVIOURS),
    /** Added before every chat answer, to make runs observable. */
    delayMs: z.number().int().min(0).max(600_000),
    /** The extra wait of a "slow" answer. */
    slowMs: z.number().int().min(0).max(600_000),
    /** Sent as retry-after (seconds) by "rate_limited". */
    retryAfterSeconds: z.number().int().min(0).max(3600),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

const DEFAULT_SCENARIO: Scenario = {
  queue: [],
  default: "good",
  delayMs: 0,
  slowMs: 1_500,
  retryAfterSeconds: 7,
};

export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  /** The behaviour answered with; null for requests that are not chats. */
  behaviour: Behaviour | null;
  /** Whether a bearer token came; the token itself is never kept. */
  authorized: boolean;
  body: unknown;
}

export interface FakeOpenAI {
  /** The base URL for the client, ending in /v1. */
  url: string;
  port: number;
  setScenario(scenario: Partial<Scenario>): Scenario;
  calls(): RecordedCall[];
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  port?: number;
  host?: string;
  scenario?: Partial<Scenario>;
}

export async function startFakeOpenAI(
  options: FakeOpenAIOptions = {},
): Promise<FakeOpenAI> {
  const state = {
    scenario: { ...DEFAULT_SCENARIO, ...options.scenario },
    calls: [] as RecordedCall[],
  };
  const setScenario = (partial: Partial<Scenario>): Scenario => {
    const next = Scenario.parse({ ...state.scenario, ...partial });
    state.scenario = { ...next, queue: [...next.queue] };
    return state.scenario;
  };
  const reset = () => {
    state.scenario = { ...DEFAULT_SCENARIO, ...options.scenario };
    state.calls = [];
  };

  const server = createServer((req, res) => {
    handle(req, res, state, { setScenario, reset }).catch((error) => {
      sendJson(res, 500, { error: { message: String(error) } });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/v1`,
    port,
    setScenario,
    calls: () => structuredClone(state.calls),
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests would otherwise keep the server open forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface State {
  scenario: Scenario;
  calls: RecordedCall[];
}

interface Controls {
  setScenario(partial: Partial<Scenario>): Scenario;
  reset(): void;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: State,
  controls: Controls,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://fake").pathname;
  const route = `${req.method} ${path}`;
  const body = req.method === "POST" ? await readJson(req) : null;

  if (route === "POST /__fake/scenario") {
    const parsed = Scenario.partial().strict().safeParse(body);
    if (!parsed.success) {
      return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
    }
    return sendJson(res, 200, controls.setScenario(parsed.data));
  }
  if (route === "GET /__fake/scenario")
    return sendJson(res, 200, state.scenario);
  if (route === "GET /__fake/calls") {
    return sendJson(res, 200, {
      count: state.calls.length,
      calls: state.calls,
    });
  }
  if (route === "POST /__fake/reset") {
    controls.reset();
    return sendJson(res, 200, { ok: true });
  }

  const call: RecordedCall = {
    at: new Date().toISOString(),
    method: req.method ?? "GET",
    path,
    behaviour: null,
    authorized: /^Bearer \S+/.test(req.headers.authorization ?? ""),
    body,
  };
  state.calls.push(call);

  if (route === "GET /v1/models") return sendJson(res, 200, modelList());
  if (route === "POST /v1/chat/completions") {
    call.behaviour = state.scenario.queue.shift() ?? state.scenario.default;
    return answerChat(res, body, call.behaviour, state.scenario);
  }
  return sendJson(res, 404, {
    error: { message: `No route ${route} on the fake`, type: "not_found" },
  });
}

async function answerChat(
  res: ServerResponse,
  body: unknown,
  behaviour: Behaviour,
  scenario: Scenario,
): Promise<void> {
  if (behaviour === "hang") return; // answered by a client timeout or close
  const extra = behaviour === "slow" ? scenario.slowMs : 0;
  await sleep(scenario.delayMs + extra);
  if (res.destroyed) return;

  const model = String((body as { model?: unknown })?.model ?? "fake-model");
  const promptChars = JSON.stringify(body ?? "").length;
  const answer = (message: Record<string, unknown>, finish: string) =>
    sendJson(res, 200, completion(model, message, finish, promptChars));
  const call = (args: string) => answer(toolCallMessage(args), "tool_calls");

  switch (behaviour) {
    case "good":
    case "slow":
      return call(JSON.stringify(goodSuggestion(requestData(body))));
    case "malformed_json":
      return call('{"rationale": "A table because the entr');
    case "unknown_field":
      return call(JSON.stringify(unknownFieldSuggestion()));
    case "hostile":
      return call(JSON.stringify(hostileSuggestion()));
    case "no_tool_call":
      return answer(
        {
          role: "assistant",
          content: "A table would suit this.",
          refusal: null,
        },
        "stop",
      );
    case "refusal":
      return answer(
        {
          role: "assistant",
          content: null,
          refusal: "I'm sorry, I can't help with that request.",
        },
        "stop",
      );
    case "content_filter":
      return answer(
        { role: "assistant", content: null, refusal: null },
        "content_filter",
      );
    default:
      return sendError(res, behaviour, scenario, model);
  }
}

type ErrorBehaviour = Exclude<
  Behaviour,
  | "good"
  | "slow"
  | "hang"
  | "malformed_json"
  | "unknown_field"
  | "hostile"
  | "no_tool_call"
  | "refusal"
  | "content_filter"
>;

/** Error bodies shaped like OpenAI's, with the headers the SDK reads. */
function sendError(
  res: ServerResponse,
  behaviour: ErrorBehaviour,
  scenario: Scenario,
  model: string,
): void {
  const error = (message: string, type: string, code: string | null) => ({
    error: { message, type, param: null, code },
  });
  switch (behaviour) {
    case "rate_limited":
      return sendJson(
        res,
        429,
        error(
          "Rate limit reached for requests.",
          "requests",
          "rate_limit_exceeded",
        ),
        { "retry-after": String(scenario.retryAfterSeconds) },
      );
    case "rate_limited_ms":
      return sendJson(
        res,
        429,
        error(
          "Rate limit reached for tokens.",
          "tokens",
          "rate_limit_exceeded",
        ),
        { "retry-after-ms": "1500" },
      );
    case "quota_exceeded":
      return sendJson(
        res,
        429,
        error(
          "You exceeded your current quota.",
          "insufficient_quota",
          "insufficient_quota",
        ),
      );
    case "error500":
      return sendJson(
        res,
        500,
        error(
          "The server had an error processing your request.",
          "server_error",
          null,
        ),
      );
    case "unauthorized":
      return sendJson(
        res,
        401,
        error(
          "Incorrect API key provided: sk-fa***ke.",
          "invalid_request_error",
          "invalid_api_key",
        ),
      );
    case "model_not_found":
      return sendJson(
        res,
        404,
        error(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          "invalid_request_error",
          "model_not_found",
        ),
      );
    case "bad_request":
      return sendJson(
        res,
        400,
        error(
          "Invalid schema for function 'suggest_render'.",
          "invalid_request_error",
          "invalid_function_parameters",
        ),
      );
  }
}

function modelList(): Record<string, unknown> {
  const model = (id: string) => ({
    id,
    object: "model",
    created: 1_700_000_000,
    owned_by: "fake-openai",
  });
  return { object: "list", data: [model("fake-model"), model("gpt-4.1-mini")] };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparseable: text.slice(0, 200) };
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, {
    "content-type": "application/json",
    "x-request-id": `req_fake_${Date.now().toString(36)}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
