"use client";

import { PageError, type PageErrorProps } from "@/components/page-error";

/** Shown when a page failed to load. */
export default function ErrorPage(props: PageErrorProps) {
  return (
    <PageError {...props} title="This page could not be loaded">
      Something went wrong on our side. Try again; if it keeps happening, the
      server log has the details
    </PageError>
  );
}
