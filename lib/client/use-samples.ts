"use client";

import { useEffect, useState } from "react";
import type { SampleResult } from "@/lib/samples";

/**
 * Sample entries for a schema, made in the browser. The generator is
 * imported on first use so it never weighs on a page's first load.
 */
export function useSamples(schema: unknown, enabled = true) {
  const [result, setResult] = useState<SampleResult | null>(null);

  useEffect(() => {
    if (!enabled || schema === undefined) return;
    let cancelled = false;
    void import("@/lib/samples").then(({ generateSamples }) => {
      if (!cancelled) setResult(generateSamples(schema, { count: 10 }));
    });
    return () => {
      cancelled = true;
    };
  }, [schema, enabled]);

  return result;
}
