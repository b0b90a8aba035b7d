"use client";

import { PageError, type PageErrorProps } from "@/components/page-error";

export default function ActivityError(props: PageErrorProps) {
  return (
    <PageError {...props} title="This activity could not be loaded" backToList>
      The server had a problem loading it. Your data is safe; try again in a
      moment
    </PageError>
  );
}
