"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type {
  ActivityDto,
  EntryDto,
  SchemaVersionDto,
} from "@/lib/activities/types";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import { valueOf } from "@/lib/client/api";
import { activityKeys } from "@/lib/client/activities";
import type { RenderOutcomes } from "@/lib/client/preview";
import {
  useActivity,
  useActivityStatus,
  useEntries,
} from "@/lib/client/use-activity";
import type { SampleResult } from "@/lib/samples";
import { StatusBadge } from "@/components/activities/status-badge";
import { RenderPreview } from "@/components/render/render-preview";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataSource, type Source } from "./data-source";
import { DeleteActivityButton } from "./delete-activity";
import { DesignerToolbar } from "./designer-toolbar";
import { EditActivityDialog } from "./edit-activity-dialog";
import type { ActivityFormActions } from "./form-actions";
import { RenderSummary } from "./render-summary";
import { StatusPanel } from "./status-panel";
import { VersionHistory } from "./version-history";

export interface ActivityViewProps {
  actions: ActivityFormActions;
  activity: ActivityDto;
  entries: EntryDto[];
  versions: SchemaVersionDto[];
  outcomes: RenderOutcomes;
  /** The rules' suggestion, when the analysis has not saved one yet. */
  rulesRender: SchemaRender | null;
  /** The schema as RJSF should get it (see formSchema in lib/render). */
  formSchema: unknown;
  samples: SampleResult;
}

export function ActivityView(props: ActivityViewProps) {
  const { data: activity } = useActivity(props.activity);
  const { data: status } = useActivityStatus(activity);
  const { data: entries } = useEntries(activity.id, props.entries);
  const client = useQueryClient();

  const suggested = activity.render ?? props.rulesRender;
  // Follows the suggestion (which may change when an analysis lands)
  // until the person picks a tab themselves.
  const [picked, setPicked] = useState<RenderType | null>(null);
  const tab = picked ?? suggested?.renderType ?? "form";
  const [source, setSource] = useState<Source>(
    entries.length ? "entries" : "samples",
  );
  const useSamples = source === "samples" || entries.length === 0;

  async function saveEntry(data: unknown) {
    valueOf(await props.actions.addEntry(activity.id, { data }));
    await client.invalidateQueries({
      queryKey: activityKeys.entries(activity.id),
    });
    setSource("entries");
  }

  return (
    <div className="flex flex-col gap-6">
      <ActivityHeader
        activity={activity}
        status={status.status}
        update={props.actions.update}
      />
      <StatusPanel activity={activity} status={status} />
      <Card className="flex flex-col gap-5 p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <RenderSummary
            activity={activity}
            suggested={suggested}
            fromRules={!activity.render}
          />
          <DataSource
            value={useSamples ? "samples" : "entries"}
            onChange={setSource}
            entryCount={entries.length}
          />
        </div>
        {props.samples.error && useSamples ? (
          <p className="text-muted text-xs">{props.samples.error}</p>
        ) : null}
        {suggested ? (
          <RenderPreview
            schema={activity.schema}
            formSchema={props.formSchema}
            suggested={suggested}
            outcomes={props.outcomes}
            entries={useSamples ? props.samples.entries : entries}
            samples={useSamples}
            tab={tab}
            onTabChange={setPicked}
            onSubmitEntry={saveEntry}
            suggestedLabel={activity.renderPinned ? "Pinned" : "Suggested"}
            toolbar={(render, type) => (
              <DesignerToolbar
                activity={activity}
                render={render}
                type={type}
              />
            )}
          />
        ) : (
          <p className="text-muted text-sm">
            No render could be made for this schema yet.
          </p>
        )}
      </Card>
      <VersionHistory
        activityId={activity.id}
        initial={props.versions}
        current={activity.schemaVersion}
      />
    </div>
  );
}

function ActivityHeader({
  activity,
  status,
  update,
}: {
  activity: ActivityDto;
  status: ActivityDto["status"];
  update: ActivityFormActions["update"];
}) {
  return (
    <header className="flex flex-col gap-3">
      <Link href="/" className="text-muted hover:text-ink self-start text-sm">
        ← Activities
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words">
              {activity.name}
            </h1>
            <StatusBadge status={status} />
          </div>
          {activity.description ? (
            <p className="text-muted max-w-2xl text-sm">
              {activity.description}
            </p>
          ) : null}
          <p className="text-faint text-xs">
            Schema version {activity.schemaVersion} · changed{" "}
            <RelativeTime iso={activity.updatedAt} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <EditActivityDialog activity={activity} update={update} />
          <DeleteActivityButton activity={activity} />
        </div>
      </div>
    </header>
  );
}
