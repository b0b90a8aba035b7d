import type { ActivityDto } from "@/lib/activities/types";
import type { SchemaRender } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { RENDER_LABEL, RenderIcon } from "@/components/render/render-type";

/** The suggestion in words: which render, why, by whom, and any caveats. */
export function RenderSummary({
  activity,
  suggested,
  fromRules,
}: {
  activity: ActivityDto;
  suggested: SchemaRender | null;
  fromRules: boolean;
}) {
  if (!suggested) {
    return (
      <div>
        <h2 className="text-base font-semibold">Suggested view</h2>
        <p className="text-muted text-sm">Waiting for the analysis.</p>
      </div>
    );
  }
  return (
    <div className="flex max-w-3xl min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="flex items-center gap-2 text-base font-semibold">
          <RenderIcon type={suggested.renderType} className="text-accent" />
          {activity.renderPinned ? "Pinned" : "Suggested"}:{" "}
          {RENDER_LABEL[suggested.renderType]}
        </h2>
        <Badge tone={activity.renderPinned ? "accent" : "neutral"}>
          {sourceLabel(suggested, activity.renderPinned, fromRules)}
        </Badge>
      </div>
      <p
        data-testid="render-rationale"
        className="text-ink/80 text-sm leading-relaxed"
      >
        {suggested.rationale}
      </p>
      {suggested.warnings.length ? (
        <ul
          data-testid="render-warnings"
          className="text-warn flex flex-col gap-0.5 text-xs"
        >
          {suggested.warnings.map((warning, index) => (
            <li key={index}>⚠ {warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function sourceLabel(
  render: SchemaRender,
  pinned: boolean,
  fromRules: boolean,
): string {
  if (pinned || render.source.analyzer === "designer") return "Pinned by you";
  if (fromRules) return "Rules preview";
  if (render.source.analyzer === "openai") {
    return render.source.model ? `AI · ${render.source.model}` : "AI";
  }
  return "Rules";
}
