"use client";

import { useState } from "react";
import type { ColumnFormat } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { formatValue, isHttpUrl } from "./values";

/** One value, shown the way its format suggests; always as text or a link. */
export function ValueCell({
  value,
  format,
}: {
  value: unknown;
  format: ColumnFormat;
}) {
  if (value === undefined || value === null || value === "") {
    return <span className="text-faint">—</span>;
  }
  switch (format) {
    case "boolean":
      return <BooleanMark value={Boolean(value)} />;
    case "enum":
      return <Badge>{formatValue(value)}</Badge>;
    case "url":
    case "email":
      return <LinkValue value={value} format={format} />;
    case "image":
      return isHttpUrl(value) ? (
        <RemoteImage src={value} className="size-9 rounded object-cover" />
      ) : (
        <span>{formatValue(value)}</span>
      );
    case "color":
      return <ColorValue value={String(value)} />;
    case "json":
      return (
        <code className="text-muted font-mono text-xs">
          {formatValue(value, format)}
        </code>
      );
    default:
      return <span>{formatValue(value, format)}</span>;
  }
}

function BooleanMark({ value }: { value: boolean }) {
  return (
    <span className={value ? "text-ok font-medium" : "text-muted"}>
      {value ? "Yes" : "No"}
    </span>
  );
}

function LinkValue({
  value,
  format,
}: {
  value: unknown;
  format: "url" | "email";
}) {
  const text = String(value);
  const href =
    format === "email" && /^[^\s@]+@[^\s@]+$/.test(text)
      ? `mailto:${text}`
      : isHttpUrl(text)
        ? text
        : null;
  if (!href) return <span>{text}</span>;
  return (
    <a
      href={href}
      className="text-accent-ink underline decoration-accent/30 underline-offset-2 hover:decoration-accent"
      target="_blank"
      rel="noopener noreferrer nofollow"
    >
      {text}
    </a>
  );
}

function ColorValue({ value }: { value: string }) {
  // Only plain color literals reach the style attribute.
  const safe = /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(value) ? value : undefined;
  return (
    <span className="inline-flex items-center gap-2">
      <span
        aria-hidden
        className="border-line size-3.5 rounded-sm border"
        style={{ background: safe }}
      />
      {value}
    </span>
  );
}

/**
 * An image from an http(s) URL found in the data. A plain <img> on purpose:
 * next/image would need every host allow-listed, and these URLs are
 * arbitrary. No referrer is sent to the image host.
 */
export function RemoteImage({
  src,
  alt = "",
  className,
}: {
  src: string;
  alt?: string;
  className?: string;
}) {
  // A URL that does not load (offline, moved, a sample's made-up host)
  // leaves no broken-image icon behind.
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className={className}
      onError={() => setFailed(true)}
    />
  );
}
