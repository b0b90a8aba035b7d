import { Skeleton } from "@/components/ui/feedback";

export default function Loading() {
  return (
    <div className="grid gap-8 lg:grid-cols-2" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <div className="flex flex-col gap-4">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-80 w-full" />
      </div>
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
