"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/feedback";

export default function ActivityError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">
        This activity could not be loaded
      </h1>
      <Callout tone="danger">
        The server had a problem loading it. Your data is safe; try again in a
        moment{error.digest ? ` (reference ${error.digest})` : ""}.
      </Callout>
      <div className="flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className={buttonClass("secondary")}>
          All activities
        </Link>
      </div>
    </div>
  );
}
