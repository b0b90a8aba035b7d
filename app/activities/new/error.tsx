"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/feedback";

/** Shown when a page failed to load; the digest helps find it in the log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">
        This page could not be loaded
      </h1>
      <Callout tone="danger">
        Something went wrong on our side. Try again; if it keeps happening, the
        server log has the details
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </Callout>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
