"use client";

import { useState } from "react";
import type { ActivityDto } from "@/lib/activities/types";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import { errorMessage } from "@/lib/client/api";
import { pinRender, unpinRender } from "@/lib/client/activities";
import { copyJson, downloadJson, slug } from "@/lib/client/export";
import { RENDER_LABEL } from "@/components/render/render-type";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/feedback";
import { useActivityMutation } from "./use-activity-actions";

/** Pin the render in this tab, or take it away: copy or download its JSON. */
export function DesignerToolbar({
  activity,
  render,
  type,
}: {
  activity: ActivityDto;
  render: SchemaRender | null;
  type: RenderType;
}) {
  const isSaved = !!render && render === activity.render;
  const pinnedHere = isSaved && activity.renderPinned;
  const pin = useActivityMutation(activity.id, () =>
    isSaved && render
      ? pinRender(activity.id, { render })
      : pinRender(activity.id, { renderType: type }),
  );
  const unpin = useActivityMutation(activity.id, () =>
    unpinRender(activity.id),
  );
  const busy = pin.isPending || unpin.isPending;
  const error = pin.error ?? unpin.error;
  if (!render) return null;

  return (
    <div className="border-line flex flex-col gap-2 border-y py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant={pinnedHere ? "secondary" : "primary"}
          data-testid="pin-button"
          data-pinned={pinnedHere}
          disabled={pinnedHere || busy}
          onClick={() => pin.mutate(undefined)}
        >
          {pin.isPending ? <Spinner /> : <PinIcon />}
          {pinnedHere
            ? "Pinned"
            : `Pin ${RENDER_LABEL[type].toLowerCase()} view`}
        </Button>
        {activity.renderPinned ? (
          <Button
            size="sm"
            variant="ghost"
            data-testid="unpin-button"
            disabled={busy}
            onClick={() => unpin.mutate(undefined)}
          >
            {unpin.isPending ? <Spinner /> : null}
            Unpin
          </Button>
        ) : null}
        <span className="bg-line mx-1 hidden h-5 w-px sm:block" aria-hidden />
        <ExportButtons activity={activity} render={render} />
      </div>
      {error ? (
        <p className="text-danger text-xs" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
    </div>
  );
}

function ExportButtons({
  activity,
  render,
}: {
  activity: ActivityDto;
  render: SchemaRender;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const base = `${slug(activity.name)}-${render.renderType}`;

  async function copy(what: string, value: unknown) {
    try {
      await copyJson(value);
      setCopied(what);
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2_000);
  }

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        data-testid="export-uischema"
        onClick={() => void copy("uiSchema", render.uiSchema)}
      >
        {copied === "uiSchema" ? "Copied ✓" : "Copy uiSchema"}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        data-testid="export-render"
        onClick={() => void copy("render", render)}
      >
        {copied === "render" ? "Copied ✓" : "Copy render"}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        data-testid="download-uischema"
        onClick={() => downloadJson(`${base}.uischema.json`, render.uiSchema)}
      >
        <DownloadIcon /> uiSchema
      </Button>
      <Button
        size="sm"
        variant="ghost"
        data-testid="download-render"
        onClick={() => downloadJson(`${base}.render.json`, render)}
      >
        <DownloadIcon /> Render
      </Button>
      <span role="status" aria-live="polite" className="text-danger text-xs">
        {copied === "failed"
          ? "Copying is not allowed here; use download."
          : ""}
      </span>
    </>
  );
}

function PinIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="size-3.5"
      fill="currentColor"
    >
      <path d="M15 3l6 6-3 1-4 4 1 5-2 2-4-4-5 5-1-1 5-5-4-4 2-2 5 1 4-4z" />
    </svg>
  );
}

function DownloadIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="size-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M12 4v11m0 0l-4-4m4 4l4-4M5 19h14" />
    </svg>
  );
}
