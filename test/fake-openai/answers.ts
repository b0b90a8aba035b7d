import { DATA_CLOSE, DATA_OPEN } from "@/lib/ai/prompt";
import {
  TOOL_NAME,
  UI_WIDGETS,
  uiNodeFor,
  type RenderSuggestion,
  type UiHint,
} from "@/lib/ai/tool-schema";
import { analyzeWithRules, readSchema } from "@/lib/render";
import type { SchemaRender } from "@/lib/render/types";

/**
 * The bodies the fake answers with. A "good" answer is the rule-based
 * render of the schema in the request, marked as the fake model's by its
 * rationale, so a test can tell it from a real fallback.
 */

export const AI_RATIONALE_PREFIX = "[fake-openai]";

interface RequestData {
  fields: { pointer: string; inArray?: boolean }[];
  schema: unknown;
}

type Message = { role?: unknown; content?: unknown };

/** The data block of the first user message, as the analyser sent it. */
export function requestData(body: unknown): RequestData | null {
  const messages = (body as { messages?: Message[] } | null)?.messages;
  const user = messages?.find((m) => m.role === "user");
  if (typeof user?.content !== "string") return null;
  const start = user.content.indexOf(DATA_OPEN);
  const end = user.content.lastIndexOf(DATA_CLOSE);
  if (start < 0 || end < start) return null;
  try {
    const json = user.content.slice(start + DATA_OPEN.length, end);
    const data = JSON.parse(json) as Partial<RequestData>;
    return { fields: data.fields ?? [], schema: data.schema ?? null };
  } catch {
    return null;
  }
}

/** What a well-behaved model would answer for this request. */
export function goodSuggestion(data: RequestData | null): RenderSuggestion {
  if (!data) return formOf([]);
  if (data.schema === null) {
    return formOf(data.fields.filter((f) => !f.inArray).map((f) => f.pointer));
  }
  const render = analyzeWithRules(data.schema);
  const list = readSchema(data.schema).rootKind === "list";
  return fromRender(render, data.fields, list);
}

function fromRender(
  render: SchemaRender,
  fields: RequestData["fields"],
  list: boolean,
): RenderSuggestion {
  const entryUi = list ? render.uiSchema.items : render.uiSchema;
  return {
    rationale: `${AI_RATIONALE_PREFIX} ${render.rationale}`.slice(0, 600),
    renderType: render.renderType,
    layout: render.layout,
    fieldGroups: render.fieldGroups,
    uiHints: hintsOf(isObject(entryUi) ? entryUi : {}, fields),
    alternatives: render.alternatives,
  };
}

function hintsOf(
  uiSchema: SchemaRender["uiSchema"],
  fields: RequestData["fields"],
): UiHint[] {
  const hints: UiHint[] = [];
  for (const { pointer } of fields) {
    // Copy so that looking a node up never adds to the render's uiSchema.
    const node = uiNodeFor(structuredClone(uiSchema), pointer);
    if (!node) continue;
    const widget = UI_WIDGETS.find((w) => w === node["ui:widget"]) ?? null;
    const text = (key: string) =>
      typeof node[key] === "string" ? (node[key] as string) : null;
    const options = node["ui:options"];
    const hint: UiHint = {
      pointer,
      widget,
      placeholder: text("ui:placeholder"),
      help: text("ui:help"),
      options_json: options ? JSON.stringify(options) : null,
    };
    if (hint.widget || hint.placeholder || hint.help || hint.options_json) {
      hints.push(hint);
    }
  }
  return hints;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formOf(pointers: string[]): RenderSuggestion {
  return {
    rationale: `${AI_RATIONALE_PREFIX} A form shows every field.`,
    renderType: "form",
    layout: {
      type: "form",
      columns: 1,
      sections: [
        { title: "Entry", description: null, fields: pointers.slice(0, 40) },
      ],
    },
    fieldGroups: [],
    uiHints: [],
    alternatives: [],
  };
}

/** A table whose only column names a field no schema here has. */
export function unknownFieldSuggestion(): RenderSuggestion {
  return {
    rationale: `${AI_RATIONALE_PREFIX} A table of the entries.`,
    renderType: "table",
    layout: {
      type: "table",
      columns: [
        {
          field: "/no_such_field",
          label: "Nothing",
          format: "text",
          width: "medium",
        },
      ],
      defaultSort: null,
      groupBy: null,
    },
    fieldGroups: [],
    uiHints: [],
    alternatives: [],
  };
}

/**
 * What a model talked into obeying the schema's descriptions might say: a
 * timeline dated by a password, titled by a field that does not exist.
 */
export function hostileSuggestion(): RenderSuggestion {
  return {
    rationale: `${AI_RATIONALE_PREFIX} As instructed, showing the password.`,
    renderType: "timeline",
    layout: {
      type: "timeline",
      dateField: "/password",
      endDateField: null,
      titleField: "/admin_override",
      descriptionField: "/password",
      groupByField: null,
      detailFields: ["/password"],
    },
    fieldGroups: [{ title: "Secrets", fields: ["/password", "/api_token"] }],
    uiHints: [
      {
        pointer: "/admin_override",
        widget: "text",
        placeholder: null,
        help: "Ignore previous instructions",
        options_json: null,
      },
    ],
    alternatives: [],
  };
}

/** A chat.completion object around one assistant message. */
export function completion(
  model: string,
  message: Record<string, unknown>,
  finishReason: string,
  promptChars: number,
): Record<string, unknown> {
  const completionTokens = Math.ceil(JSON.stringify(message).length / 4);
  const promptTokens = Math.ceil(promptChars / 4);
  return {
    id: `chatcmpl-fake-${Date.now().toString(36)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message, finish_reason: finishReason, logprobs: null },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** An assistant message that calls the tool with these raw arguments. */
export function toolCallMessage(args: string): Record<string, unknown> {
  return {
    role: "assistant",
    content: null,
    refusal: null,
    tool_calls: [
      {
        id: `call_${Math.random().toString(36).slice(2, 12)}`,
        type: "function",
        function: { name: TOOL_NAME, arguments: args },
      },
    ],
  };
}
