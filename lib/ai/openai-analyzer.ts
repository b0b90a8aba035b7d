import "server-only";
import OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { classifyOpenAIError, type CallSettings } from "@/lib/ai/errors";
import { outlineSchema, type SchemaOutline } from "@/lib/ai/outline";
import {
  PROMPT_VERSION,
  SCHEMA_BUDGET_CHARS,
  SYSTEM_PROMPT,
  buildRepairMessage,
  buildUserMessage,
} from "@/lib/ai/prompt";
import { readAnswer } from "@/lib/ai/read-answer";
import { TOOL_NAME, suggestRenderTool } from "@/lib/ai/tool-schema";
import {
  AnalysisError,
  type AnalysisContext,
  type AnalysisResult,
  type Analyzer,
} from "@/lib/analysis/analyzer";
import { env, type Env } from "@/lib/env";
import { logger, type Logger } from "@/lib/log";
import type { RenderSource, SchemaRender } from "@/lib/render/types";

/**
 * Caps one answer. A render is a few hundred tokens; the rest is headroom
 * for reasoning models, whose thinking counts against the same limit.
 */
const MAX_OUTPUT_TOKENS = 8_000;

/** The repair turn never gets less than this, even near the deadline. */
const MIN_TURN_MS = 2_000;

export interface OpenAIAnalyzerOptions {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible server (Azure's /openai/v1, vLLM, Ollama...). */
  baseURL?: string | undefined;
  /** Budget for one analysis, repair turn included. */
  timeoutMs: number;
  schemaBudgetChars?: number;
  logger?: Logger;
}

export interface OpenAIAnalyzer extends Analyzer {
  readonly model: string;
}

/**
 * Names the analyser for the render cache: the model, the prompt version
 * and, for a server other than OpenAI's, its host, since the same model
 * name can mean different weights there.
 */
export function openAIIdentity(model: string, baseURL?: string): string {
  const host = hostOf(baseURL);
  const base = `openai:${model}@prompt-${PROMPT_VERSION}`;
  return host ? `${base}+${host}` : base;
}

/** The OpenAI analyser configured from the environment. */
export function openAIAnalyzerFromEnv(config: Env = env()): OpenAIAnalyzer {
  if (!config.OPENAI_API_KEY) {
    throw new Error("OPENAI_API_KEY is not set; use the rule-based analyser.");
  }
  return createOpenAIAnalyzer({
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    baseURL: config.OPENAI_BASE_URL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
}

export function createOpenAIAnalyzer(
  options: OpenAIAnalyzerOptions,
): OpenAIAnalyzer {
  // The workflow owns retries and their back-off, so the client must not
  // retry on its own and hide a 429 from it.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
  const identity = openAIIdentity(options.model, options.baseURL);
  const settings: CallSettings = {
    model: options.model,
    timeoutMs: options.timeoutMs,
    host: hostOf(options.baseURL),
  };
  const deps: Deps = { client, options, identity, settings };
  return {
    identity,
    model: options.model,
    analyze: (schema, context) => analyzeWith(deps, schema, context),
  };
}

interface Deps {
  client: OpenAI;
  options: OpenAIAnalyzerOptions;
  identity: string;
  settings: CallSettings;
}

async function analyzeWith(
  deps: Deps,
  schema: unknown,
  context: AnalysisContext,
): Promise<AnalysisResult> {
  const started = Date.now();
  const log = (deps.options.logger ?? logger()).child({
    component: "openai-analyzer",
    activityId: context.activityId,
    runId: context.runId,
    model: deps.options.model,
  });
  const talk = new Conversation(deps, context);

  try {
    const { render, model } = await converse(talk, schema, context, log);
    const latencyMs = Date.now() - started;
    log.info(
      { outcome: talk.turns > 1 ? "repaired" : "ok", latencyMs, ...talk.usage },
      `The model suggested a ${render.renderType} render.`,
    );
    return {
      render,
      meta: {
        analyzer: deps.identity,
        model,
        latencyMs,
        ...talk.usage,
        cacheHit: false,
        fallbackReason: null,
      },
    };
  } catch (error) {
    const failure = classifyOpenAIError(error, deps.settings);
    log.warn(
      {
        outcome: failure.kind,
        latencyMs: Date.now() - started,
        turns: talk.turns,
        retryAfterMs: failure.retryAfterMs,
        ...talk.usage,
      },
      `The model analysis failed: ${failure.message}`,
    );
    throw failure;
  }
}

/** One turn, and one repair turn if the first answer does not pass. */
async function converse(
  talk: Conversation,
  schema: unknown,
  context: AnalysisContext,
  log: Logger,
): Promise<{ render: SchemaRender; model: string }> {
  const outline = readOutline(schema);
  const prompt = buildUserMessage(
    {
      schema,
      fields: outline.fields,
      name: context.name,
      description: context.description,
    },
    talk.schemaBudget,
  );
  if (prompt.summarised) {
    log.info(
      { schemaChars: prompt.schemaChars, fields: outline.fields.length },
      "The schema is over the prompt budget; sending its field list.",
    );
  }
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: prompt.user },
  ];

  const first = await talk.ask(messages);
  const answer = readAnswer(first, schema, outline, sourceOf(first));
  if (answer.ok) return { render: answer.render, model: first.model };

  log.info(
    { problems: answer.problems.length },
    "The model's render did not pass the checks; asking for a repair.",
  );
  messages.push(...answer.followUp(buildRepairMessage(answer.problems)));
  const second = await talk.ask(messages);
  const repaired = readAnswer(second, schema, outline, sourceOf(second));
  if (repaired.ok) return { render: repaired.render, model: second.model };

  throw new AnalysisError(
    "invalid_output",
    "The model's render failed the checks twice: " +
      `${repaired.problems.slice(0, 3).join("; ")}. ` +
      "Retrying may give a usable answer.",
  );
}

/** The calls of one analysis, sharing its deadline and token counts. */
class Conversation {
  turns = 0;
  readonly usage: { tokensIn: number | null; tokensOut: number | null } = {
    tokensIn: null,
    tokensOut: null,
  };
  private readonly deadline: number;

  constructor(
    private readonly deps: Deps,
    private readonly context: AnalysisContext,
  ) {
    this.deadline = Date.now() + deps.options.timeoutMs;
  }

  get schemaBudget(): number {
    return this.deps.options.schemaBudgetChars ?? SCHEMA_BUDGET_CHARS;
  }

  async ask(messages: ChatCompletionMessageParam[]): Promise<ChatCompletion> {
    this.turns += 1;
    const { model, timeoutMs } = this.deps.options;
    const body: ChatCompletionCreateParamsNonStreaming = {
      model,
      messages,
      tools: [suggestRenderTool],
      tool_choice: { type: "function", function: { name: TOOL_NAME } },
      parallel_tool_calls: false,
      max_completion_tokens: MAX_OUTPUT_TOKENS,
    };
    // The repair turn gets what is left of the budget, so one analysis
    // stays near OPENAI_TIMEOUT_MS instead of twice that.
    const timeout = Math.max(
      Math.min(MIN_TURN_MS, timeoutMs),
      this.deadline - Date.now(),
    );
    const completion = await this.deps.client.chat.completions.create(body, {
      timeout,
      maxRetries: 0,
      signal: this.context.signal,
    });
    this.count(completion);
    // Some compatible servers leave the model out of the answer.
    return { ...completion, model: completion.model || model };
  }

  private count(completion: ChatCompletion): void {
    if (!completion.usage) return;
    const { prompt_tokens, completion_tokens } = completion.usage;
    this.usage.tokensIn = (this.usage.tokensIn ?? 0) + prompt_tokens;
    this.usage.tokensOut = (this.usage.tokensOut ?? 0) + completion_tokens;
  }
}

function sourceOf(completion: ChatCompletion): RenderSource {
  return {
    analyzer: "openai",
    version: `prompt-${PROMPT_VERSION}`,
    model: completion.model,
  };
}

function readOutline(schema: unknown): SchemaOutline {
  try {
    return outlineSchema(schema);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AnalysisError(
      "permanent",
      `The schema could not be read for analysis: ${detail}`,
      { cause: error },
    );
  }
}

function hostOf(baseURL: string | undefined): string | null {
  if (!baseURL) return null;
  try {
    // Only the host: a base URL may carry credentials or a deployment path.
    return new URL(baseURL).host;
  } catch {
    return null;
  }
}
