"use client";

import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/feedback";

export interface PageErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/**
 * What an error boundary shows: what failed, what to do, and the digest
 * that finds the failure in the server log.
 */
export function PageError({
  error,
  reset,
  title,
  children,
  backToList = false,
}: PageErrorProps & {
  title: string;
  /** The explanation; the reference is appended to it. */
  children: ReactNode;
  backToList?: boolean;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Callout tone="danger">
        {children}
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </Callout>
      <div className="flex gap-2">
        <Button onClick={reset}>Try again</Button>
        {backToList && (
          <Link href="/" className={buttonClass("secondary")}>
            All activities
          </Link>
        )}
      </div>
    </div>
  );
}
