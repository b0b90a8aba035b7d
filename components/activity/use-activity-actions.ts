"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActivityDto } from "@/lib/activities/types";
import { activityKeys } from "@/lib/client/activities";
import { statusOf } from "@/lib/client/use-activity";

/**
 * A mutation that answers with the activity: the answer replaces the
 * cached activity and its status, so polling restarts at once when the
 * change started a new analysis.
 */
export function useActivityMutation<TInput>(
  id: string,
  run: (input: TInput) => Promise<ActivityDto>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (activity) => {
      client.setQueryData(activityKeys.one(id), activity);
      client.setQueryData(activityKeys.status(id), statusOf(activity));
      void client.invalidateQueries({ queryKey: activityKeys.versions(id) });
      void client.invalidateQueries({ queryKey: activityKeys.all });
    },
  });
}
