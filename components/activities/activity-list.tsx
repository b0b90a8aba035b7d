"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { isSettled, type ActivitySummaryDto } from "@/lib/activities/types";
import { api } from "@/lib/client/api";
import { activityKeys } from "@/lib/client/activities";
import { RenderTypeLabel } from "@/components/render/render-type";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "./status-badge";

/**
 * The activities list. While any analysis is still running the list
 * refreshes itself every few seconds so the badges move on their own.
 */
export function ActivityList({ initial }: { initial: ActivitySummaryDto[] }) {
  const { data: activities } = useQuery({
    queryKey: activityKeys.all,
    queryFn: async () =>
      (await api<{ activities: ActivitySummaryDto[] }>("/api/activities"))
        .activities,
    initialData: initial,
    refetchInterval: (query) =>
      query.state.data?.some((a) => !isSettled(a.status)) ? 3_000 : false,
  });

  return (
    <div className="border-line bg-surface overflow-hidden rounded-card border shadow-card">
      <div className="text-muted bg-sunken border-line hidden grid-cols-[minmax(0,1fr)_8rem_8rem_9rem] gap-4 border-b px-5 py-2.5 text-xs font-semibold tracking-wide uppercase sm:grid">
        <span>Name</span>
        <span>Status</span>
        <span>Shown as</span>
        <span className="text-right">Last change</span>
      </div>
      <ul className="divide-line divide-y">
        {activities.map((activity) => (
          <ActivityRow key={activity.id} activity={activity} />
        ))}
      </ul>
    </div>
  );
}

function ActivityRow({ activity }: { activity: ActivitySummaryDto }) {
  return (
    <li data-testid="activity-row" data-activity-id={activity.id}>
      <Link
        href={`/activities/${activity.id}`}
        className="hover:bg-sunken/60 focus-visible:bg-sunken/60 grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1.5 px-5 py-3.5 text-sm sm:grid-cols-[minmax(0,1fr)_8rem_8rem_9rem]"
      >
        <span className="text-ink truncate font-medium">{activity.name}</span>
        <span className="justify-self-end sm:justify-self-start">
          <StatusBadge status={activity.status} />
        </span>
        <span className="text-muted text-[13px]">
          <RenderTypeLabel type={activity.renderType} />
        </span>
        <span className="text-muted justify-self-end text-[13px]">
          <RelativeTime iso={activity.updatedAt} />
        </span>
      </Link>
    </li>
  );
}
