"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import { api, ApiError, jsonBody, type SchemaProblem } from "./api";

/** The rule-based render of one type, or why that type does not fit. */
export type RenderOutcome =
  { ok: true; render: SchemaRender } | { ok: false; reason: string };

export type RenderOutcomes = Record<RenderType, RenderOutcome>;

/** The preview endpoint's answer, with the schema it was made from. */
export interface PreviewResult {
  render: SchemaRender;
  renders: RenderOutcomes;
  schema: unknown;
  /** The schema made safe for RJSF, when the server sends it. */
  formSchema?: unknown;
}

export interface JsonSyntaxError {
  message: string;
  line: number | null;
}

/** Parses schema text; a syntax error carries the line it is on. */
export function parseSchemaText(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message, line: lineOfError(text, message) } };
  }
}

function lineOfError(text: string, message: string): number | null {
  const line = /line (\d+)/i.exec(message);
  if (line?.[1]) return Number(line[1]);
  const position = /position (\d+)/i.exec(message);
  if (position?.[1]) {
    return text.slice(0, Number(position[1])).split("\n").length;
  }
  return text.trim() === "" ? 1 : null;
}

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The instant, unsaved preview of schema text as it is typed: the text is
 * sent a moment after typing stops, and only when it is valid JSON. While
 * a new answer is on its way the last good one stays on screen.
 */
export function usePreview(text: string) {
  const debounced = useDebounced(text, 400);
  const parsed = parseSchemaText(debounced);
  const query = useQuery({
    queryKey: ["preview", debounced],
    queryFn: async ({ signal }): Promise<PreviewResult> => {
      const answer = await api<Omit<PreviewResult, "schema">>("/api/preview", {
        method: "POST",
        signal,
        ...jsonBody({ schemaText: debounced }),
      });
      return { ...answer, schema: JSON.parse(debounced) as unknown };
    },
    enabled: parsed.ok,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
    staleTime: Infinity,
  });

  const problems: SchemaProblem[] =
    query.error instanceof ApiError ? query.error.problems : [];
  return {
    syntaxError: parsed.ok ? null : parsed.error,
    problems,
    error: query.error,
    preview: parsed.ok && !query.error ? (query.data ?? null) : null,
    lastGood: query.data ?? null,
    pending: text !== debounced || query.isFetching,
  };
}
