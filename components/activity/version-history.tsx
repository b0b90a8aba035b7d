"use client";

import { useQuery } from "@tanstack/react-query";
import type { SchemaVersionDto } from "@/lib/activities/types";
import { activityKeys, fetchVersions } from "@/lib/client/activities";
import { prettyJson } from "@/lib/client/export";
import { RenderTypeLabel } from "@/components/render/render-type";
import { Badge } from "@/components/ui/badge";
import {
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";

/** Every schema version, newest first, each with the render it got. */
export function VersionHistory({
  activityId,
  initial,
  current,
}: {
  activityId: string;
  initial: SchemaVersionDto[];
  current: number;
}) {
  const { data: versions } = useQuery({
    queryKey: activityKeys.versions(activityId),
    queryFn: () => fetchVersions(activityId),
    initialData: initial,
  });

  return (
    <Card data-testid="version-history">
      <CardHeader>
        <CardTitle>Schema history</CardTitle>
        <CardDescription>
          Each change to the schema is a new version with its own render.
        </CardDescription>
      </CardHeader>
      <ol className="divide-line border-line divide-y border-t">
        {versions.map((version) => (
          <VersionRow
            key={version.version}
            version={version}
            current={version.version === current}
          />
        ))}
      </ol>
    </Card>
  );
}

function VersionRow({
  version,
  current,
}: {
  version: SchemaVersionDto;
  current: boolean;
}) {
  return (
    <li data-testid="version-row">
      <details className="group">
        <summary className="hover:bg-sunken/60 flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm">
          <span
            aria-hidden
            className="text-faint transition-transform group-open:rotate-90"
          >
            ▸
          </span>
          <span className="font-medium">Version {version.version}</span>
          {current ? <Badge tone="accent">Current</Badge> : null}
          <span className="text-muted text-[13px]">
            <RenderTypeLabel type={version.render?.renderType ?? null} />
          </span>
          <span className="text-faint ml-auto text-xs">
            <RelativeTime iso={version.createdAt} />
          </span>
        </summary>
        <div className="grid gap-4 px-5 pb-5 lg:grid-cols-2">
          <JsonBlock title="Schema" value={version.schema} />
          {version.render ? (
            <div className="flex min-w-0 flex-col gap-2">
              <p className="text-ink/80 text-sm">{version.render.rationale}</p>
              <JsonBlock title="Render" value={version.render} />
            </div>
          ) : (
            <p className="text-muted text-sm">
              This version has no render: its analysis did not finish.
            </p>
          )}
        </div>
      </details>
    </li>
  );
}

/** JSON shown as text; React escapes it, so a schema cannot inject markup. */
function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1.5">
      <figcaption className="text-muted text-xs font-semibold tracking-wide uppercase">
        {title}
      </figcaption>
      <pre className="bg-sunken border-line max-h-72 overflow-auto rounded-md border p-3 font-mono text-xs leading-relaxed">
        {prettyJson(value)}
      </pre>
    </figure>
  );
}
