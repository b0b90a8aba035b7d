"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore, type ReactNode } from "react";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import type { RenderOutcomes } from "@/lib/client/preview";
import { Badge } from "@/components/ui/badge";
import { Callout, EmptyState, Skeleton } from "@/components/ui/feedback";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CardsView } from "./cards-view";
import { sectionsOf } from "./sections";
import { TableView } from "./table-view";
import { TimelineView } from "./timeline-view";
import { RENDER_LABEL, RENDER_TYPE_LIST, RenderIcon } from "./render-type";
import type { ViewEntry } from "./values";

// RJSF and Ajv are the heaviest code on the page: load them only when the
// form tab is first shown.
const FormView = dynamic(() => import("./form-view").then((m) => m.FormView), {
  ssr: false,
  loading: () => <ViewSkeleton />,
});

export interface RenderPreviewProps {
  schema: unknown;
  /** The schema made safe for RJSF (refs expanded); else `schema`. */
  formSchema?: unknown;
  /** The analyser's suggestion; its tab is marked and opened first. */
  suggested: SchemaRender;
  /** The rule-based render of every type, or why it does not fit. */
  outcomes: RenderOutcomes | null;
  entries: ViewEntry[];
  /** The entries were generated from the schema, not logged by a person. */
  samples: boolean;
  tab: RenderType;
  onTabChange: (tab: RenderType) => void;
  onSubmitEntry?: (data: unknown) => Promise<void>;
  formFootnote?: ReactNode;
  /** Shown above the tab's view, for the render in that tab. */
  toolbar?: (render: SchemaRender | null, type: RenderType) => ReactNode;
  /** The badge on the suggestion's tab ("Pinned" once a designer chose). */
  suggestedLabel?: string;
}

/** The render of a type: the suggestion for its own type, else the rules'. */
export function renderOf(
  type: RenderType,
  suggested: SchemaRender,
  outcomes: RenderOutcomes | null,
): SchemaRender | null {
  if (type === suggested.renderType) return suggested;
  const outcome = outcomes?.[type];
  return outcome?.ok ? outcome.render : null;
}

export function RenderPreview(props: RenderPreviewProps) {
  const { suggested, outcomes, tab, onTabChange } = props;
  return (
    <Tabs
      value={tab}
      onValueChange={(value) => onTabChange(value as RenderType)}
      className="flex flex-col"
    >
      <TabsList aria-label="Ways to show this data" className="self-start">
        {RENDER_TYPE_LIST.map((type) => (
          <TabsTrigger key={type} value={type} data-testid={`tab-${type}`}>
            <RenderIcon type={type} />
            {RENDER_LABEL[type]}
            {type === suggested.renderType ? (
              <Badge tone="accent" data-testid="suggested-badge">
                {props.suggestedLabel ?? "Suggested"}
              </Badge>
            ) : outcomes && !outcomes[type].ok ? (
              <span className="sr-only">(does not fit)</span>
            ) : null}
          </TabsTrigger>
        ))}
      </TabsList>
      {RENDER_TYPE_LIST.map((type) => (
        <TabsContent key={type} value={type}>
          <TabPanel
            {...props}
            type={type}
            render={renderOf(type, suggested, outcomes)}
          />
        </TabsContent>
      ))}
    </Tabs>
  );
}

function TabPanel(
  props: RenderPreviewProps & { type: RenderType; render: SchemaRender | null },
) {
  const { type, render, suggested, outcomes, toolbar } = props;
  const outcome = outcomes?.[type];
  const alternative = suggested.alternatives.find((a) => a.renderType === type);

  return (
    <div className="flex flex-col gap-4">
      {alternative ? (
        <p className="text-muted text-sm">
          <span className="text-ink font-medium">
            This view would also work:{" "}
          </span>
          {alternative.reason}
        </p>
      ) : null}
      {toolbar ? toolbar(render, type) : null}
      {render ? (
        <ViewFor {...props} render={render} />
      ) : outcome && !outcome.ok ? (
        <Callout
          tone="neutral"
          title={`A ${RENDER_LABEL[type].toLowerCase()} does not fit this schema`}
          data-testid={`view-${type}`}
        >
          {outcome.reason}
        </Callout>
      ) : (
        <ViewSkeleton />
      )}
    </div>
  );
}

function ViewFor({
  render,
  schema,
  formSchema,
  entries,
  samples,
  onSubmitEntry,
  formFootnote,
}: RenderPreviewProps & { render: SchemaRender }) {
  const client = useIsClient();
  const layout = render.layout;
  if (layout.type === "form") {
    return (
      <FormView
        schema={formSchema ?? schema}
        uiSchema={render.uiSchema}
        sections={sectionsOf(render)}
        columns={layout.columns}
        {...(onSubmitEntry ? { onSubmit: onSubmitEntry } : {})}
        footnote={formFootnote}
      />
    );
  }
  // Dates are shown in the reader's time zone, which the server does not
  // know; drawing the data views only in the browser avoids a mismatch.
  if (!client) return <ViewSkeleton />;
  if (!entries.length) {
    return (
      <EmptyState
        data-testid={`view-${layout.type}`}
        title="No entries yet"
        description="Log the first entry in the Form tab and it shows up here."
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {samples ? <SamplesLabel /> : null}
      {layout.type === "table" ? (
        <TableView layout={layout} entries={entries} schema={schema} />
      ) : layout.type === "timeline" ? (
        <TimelineView layout={layout} entries={entries} schema={schema} />
      ) : (
        <CardsView layout={layout} entries={entries} schema={schema} />
      )}
    </div>
  );
}

export function SamplesLabel() {
  return (
    <p
      data-testid="samples-label"
      className="bg-warn-soft text-ink border-warn/30 flex items-center gap-2 self-start rounded-md border px-2.5 py-1 text-xs"
    >
      <span aria-hidden className="bg-warn size-1.5 rounded-full" />
      <span>
        <strong className="font-semibold">Sample data</strong> generated from
        the schema — not real entries
      </span>
    </p>
  );
}

export function ViewSkeleton() {
  return (
    <div className="flex flex-col gap-3" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading the view…</span>
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-10 w-2/3" />
    </div>
  );
}

const noSubscribe = () => () => {};

/** False while rendering on the server and hydrating; true afterwards. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
