import { useLayoutEffect, useState } from "react";
import type { CardsLayout } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { fieldLabel } from "./labels";
import { RemoteImage } from "./value-cell";
import { formatValue, isHttpUrl, valueAt, type ViewEntry } from "./values";

/** A responsive grid of cards: image, title, subtitle, badges, details. */
export function CardsView({
  layout,
  entries,
  schema,
}: {
  layout: CardsLayout;
  entries: ViewEntry[];
  schema?: unknown;
}) {
  // First-render marks that `npm run bench` reads (docs/benchmarks.md).
  useState(() => performance.mark("view-cards:mount"));
  useLayoutEffect(() => {
    performance.measure("view-cards:first-render", "view-cards:mount");
  }, []);
  return (
    <ul
      data-testid="view-cards"
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3"
    >
      {entries.map((entry) => (
        <EntryCard
          key={entry.id}
          entry={entry}
          layout={layout}
          schema={schema}
        />
      ))}
    </ul>
  );
}

function EntryCard({
  entry,
  layout,
  schema,
}: {
  entry: ViewEntry;
  layout: CardsLayout;
  schema: unknown;
}) {
  const data = entry.data;
  const title = formatValue(valueAt(data, layout.titleField));
  const subtitle = layout.subtitleField
    ? valueAt(data, layout.subtitleField)
    : undefined;
  const image = layout.imageField ? valueAt(data, layout.imageField) : null;
  const badges = layout.badgeFields
    .map((field) => ({ field, value: valueAt(data, field) }))
    .filter(({ value }) => present(value));

  return (
    <li
      data-testid="card"
      className="border-line bg-surface flex flex-col overflow-hidden rounded-card border shadow-card"
    >
      {isHttpUrl(image) ? (
        <RemoteImage
          src={image}
          className="bg-sunken aspect-[16/9] w-full object-cover"
        />
      ) : null}
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div>
          <h3 data-testid="card-title" className="text-ink font-semibold">
            {title}
          </h3>
          {present(subtitle) ? (
            <p className="text-muted mt-0.5 text-sm">{formatValue(subtitle)}</p>
          ) : null}
        </div>
        {badges.length ? (
          <div className="flex flex-wrap gap-1.5">
            {badges.map(({ field, value }) => (
              <Badge
                key={field}
                tone="accent"
                title={fieldLabel(schema, field)}
              >
                {formatValue(value)}
              </Badge>
            ))}
          </div>
        ) : null}
        <CardDetails entry={entry} layout={layout} schema={schema} />
      </div>
    </li>
  );
}

function CardDetails({
  entry,
  layout,
  schema,
}: {
  entry: ViewEntry;
  layout: CardsLayout;
  schema: unknown;
}) {
  const rows = layout.bodyFields
    .map((field) => ({ field, value: valueAt(entry.data, field) }))
    .filter(({ value }) => present(value));
  if (!rows.length) return null;

  return (
    <dl className="border-line mt-auto grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t pt-3 text-sm">
      {rows.map(({ field, value }) => (
        <div key={field} className="contents">
          <dt className="text-muted">{fieldLabel(schema, field)}</dt>
          <dd className="text-ink min-w-0 truncate text-right">
            {formatValue(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}
