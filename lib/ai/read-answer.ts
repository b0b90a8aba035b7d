import type {
  ChatCompletion,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { z } from "zod";
import type { SchemaOutline } from "@/lib/ai/outline";
import {
  RenderSuggestion,
  TOOL_NAME,
  draftFromSuggestion,
} from "@/lib/ai/tool-schema";
import { AnalysisError } from "@/lib/analysis/analyzer";
import { checkRender } from "@/lib/render";
import { SchemaRender, type RenderSource } from "@/lib/render/types";

export type Answer =
  | { ok: true; render: SchemaRender }
  | {
      ok: false;
      problems: string[];
      /** The messages that show the model its answer and the problems. */
      followUp: (repair: string) => ChatCompletionMessageParam[];
    };

/**
 * Reads one completion into a checked SchemaRender, or into the problems
 * that stop it. Only a render that passes zod and checkRender comes out as
 * ok, whatever the model was talked into by the schema's text. A refusal
 * or a content filter stop is final and throws.
 */
export function readAnswer(
  completion: ChatCompletion,
  schema: unknown,
  outline: SchemaOutline,
  source: RenderSource,
): Answer {
  const choice = completion.choices[0];
  const message = choice?.message;
  stopIfFinal(choice?.finish_reason, message?.refusal ?? null);

  const call = message?.tool_calls?.find(
    (c): c is ChatCompletionMessageFunctionToolCall =>
      c.type === "function" && c.function.name === TOOL_NAME,
  );
  if (!call) {
    return rejectWithoutCall(
      `You answered without calling ${TOOL_NAME}`,
      message?.content ?? null,
    );
  }

  const problems = problemsOf(call.function.arguments, schema, outline, source);
  if (problems.render) return { ok: true, render: problems.render };
  return {
    ok: false,
    problems: problems.list,
    followUp: (repair) => [
      { role: "assistant", content: null, tool_calls: [call] },
      { role: "tool", tool_call_id: call.id, content: repair },
    ],
  };
}

function stopIfFinal(
  finishReason: string | undefined,
  refusal: string | null,
): void {
  if (refusal) {
    throw new AnalysisError(
      "permanent",
      "The model refused to suggest a render for this schema: " +
        `"${refusal.slice(0, 200)}". Review the schema's titles and ` +
        "descriptions, or use the rule-based analyser.",
    );
  }
  if (finishReason === "content_filter") {
    throw new AnalysisError(
      "permanent",
      "The provider's content filter stopped the answer. Review the " +
        "schema's titles and descriptions, or use the rule-based analyser.",
    );
  }
}

function rejectWithoutCall(problem: string, content: string | null): Answer {
  return {
    ok: false,
    problems: [problem],
    followUp: (repair) => [
      { role: "assistant", content: content ?? "" },
      { role: "user", content: repair },
    ],
  };
}

type Checked =
  { render: SchemaRender; list?: never } | { render?: never; list: string[] };

/**
 * Every check the answer must pass. Past the JSON and shape checks, all
 * problems are gathered, so one repair turn can fix them all.
 */
function problemsOf(
  args: string,
  schema: unknown,
  outline: SchemaOutline,
  source: RenderSource,
): Checked {
  let json: unknown;
  try {
    json = JSON.parse(args);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return { list: [`The arguments are not valid JSON (${detail})`] };
  }
  const suggestion = RenderSuggestion.safeParse(json);
  if (!suggestion.success) return { list: zodProblems(suggestion.error) };

  const hints = suggestion.data.uiHints;
  const known = hints.filter((hint) => outline.pointers.has(hint.pointer));
  const list = hints
    .filter((hint) => !outline.pointers.has(hint.pointer))
    .map((hint) => `uiHints: "${hint.pointer}" is not in the fields list`);
  const { draft, problems } = draftFromSuggestion(
    { ...suggestion.data, uiHints: known },
    outline.rootKind,
  );
  list.push(...problems);

  const candidate = SchemaRender.safeParse({
    ...draft,
    source,
    warnings: outline.warnings,
  });
  if (!candidate.success) {
    return { list: [...list, ...zodProblems(candidate.error)] };
  }
  for (const problem of checkRender(schema, candidate.data)) {
    list.push(`${problem.path || "(render)"}: ${problem.message}`);
  }
  return list.length > 0 ? { list } : { render: candidate.data };
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join(".") || "(arguments)";
    return `${path}: ${issue.message}`;
  });
}
