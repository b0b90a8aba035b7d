"use client";

import { useState } from "react";
import type { RenderType } from "@/lib/render/types";
import type { PreviewResult, usePreview } from "@/lib/client/preview";
import { useSamples } from "@/lib/client/use-samples";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, Spinner } from "@/components/ui/feedback";
import { RenderPreview } from "@/components/render/render-preview";
import { RENDER_LABEL } from "@/components/render/render-type";

/**
 * The unsaved, rule-based preview beside the schema editor: what the
 * rules would suggest, and every render on generated sample entries.
 */
export function LivePreview({
  preview,
}: {
  preview: ReturnType<typeof usePreview>;
}) {
  const shown = useLastGood(preview.preview);
  const schema = shown?.schema;
  const samples = useSamples(schema, schema !== undefined);
  const [tab, setTab] = useState<RenderType | null>(null);

  if (!shown) {
    return (
      <Card className="p-5 lg:sticky lg:top-20">
        {preview.pending ? (
          <p className="text-muted flex items-center gap-2 text-sm">
            <Spinner /> Working out how to show this schema…
          </p>
        ) : (
          <EmptyState
            title="The preview appears here"
            description="Pick a template or write a schema; the preview updates as you type."
          />
        )}
      </Card>
    );
  }

  const current = tab ?? shown.render.renderType;
  return (
    <Card className="flex flex-col gap-4 p-5 lg:sticky lg:top-20">
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-base font-semibold">Preview</h2>
          <Badge tone="neutral">Not saved</Badge>
          {preview.pending ? <Spinner className="text-muted" /> : null}
        </div>
        <p className="text-muted text-sm">
          The rules suggest a{" "}
          <strong className="text-ink font-medium">
            {RENDER_LABEL[shown.render.renderType].toLowerCase()}
          </strong>
          . {shown.render.rationale}
        </p>
        {!preview.preview ? (
          <p className="text-danger text-xs">
            Showing the last valid schema until the problems are fixed.
          </p>
        ) : null}
      </header>
      <RenderPreview
        schema={schema}
        formSchema={shown.formSchema}
        suggested={shown.render}
        outcomes={shown.renders}
        entries={samples?.entries ?? []}
        samples
        tab={current}
        onTabChange={setTab}
        formFootnote="This is a preview: create the activity to start logging entries."
      />
    </Card>
  );
}

/** Keeps the last good preview on screen while the text is broken. */
function useLastGood(result: PreviewResult | null): PreviewResult | null {
  const [last, setLast] = useState(result);
  if (result && result !== last) setLast(result);
  return result ?? last;
}
