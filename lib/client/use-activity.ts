"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import {
  isSettled,
  type ActivityDto,
  type ActivityStatusDto,
  type EntryDto,
} from "@/lib/activities/types";
import {
  activityKeys,
  fetchActivity,
  fetchEntries,
  fetchStatus,
} from "./activities";
import { nextPollDelay } from "./poll";

export function useActivity(initial: ActivityDto) {
  return useQuery({
    queryKey: activityKeys.one(initial.id),
    queryFn: () => fetchActivity(initial.id),
    initialData: initial,
    staleTime: 30_000,
  });
}

export function useEntries(id: string, initial: EntryDto[]) {
  return useQuery({
    queryKey: activityKeys.entries(id),
    queryFn: () => fetchEntries(id),
    initialData: initial,
    staleTime: 30_000,
  });
}

export function statusOf(activity: ActivityDto): ActivityStatusDto {
  return {
    id: activity.id,
    status: activity.status,
    schemaVersion: activity.schemaVersion,
    attempts: activity.attempts,
    error: activity.processingError,
    runId: activity.runId,
    renderType: activity.render?.renderType ?? null,
    processedAt: activity.processedAt,
    updatedAt: activity.updatedAt,
  };
}

/**
 * Polls the status while the analysis is unsettled, backing off from
 * 500 ms to 5 s, and stops once it settles. When it settles, or the
 * schema version moves on, the activity itself is fetched again.
 */
export function useActivityStatus(activity: ActivityDto) {
  const client = useQueryClient();
  const pollsAtStart = useRef(0);
  const query = useQuery({
    queryKey: activityKeys.status(activity.id),
    queryFn: () => fetchStatus(activity.id),
    initialData: () => statusOf(activity),
    initialDataUpdatedAt: () => Date.parse(activity.updatedAt),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (!status || isSettled(status)) return false;
      return nextPollDelay(q.state.dataUpdateCount - pollsAtStart.current);
    },
    refetchOnWindowFocus: (q) =>
      !!q.state.data && !isSettled(q.state.data.status),
  });

  const status = query.data;
  const settled = isSettled(status.status);
  const previous = useRef(status);
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (!isSettled(before.status) && settled) {
      void client.invalidateQueries({
        queryKey: activityKeys.one(activity.id),
      });
      void client.invalidateQueries({
        queryKey: activityKeys.versions(activity.id),
      });
    } else if (isSettled(before.status) && !settled) {
      // A new analysis started: back off from the beginning again.
      const state = client.getQueryState(activityKeys.status(activity.id));
      pollsAtStart.current = state?.dataUpdateCount ?? 0;
    }
  }, [status, settled, client, activity.id]);

  return query;
}
