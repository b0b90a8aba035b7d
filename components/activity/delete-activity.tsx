"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ActivityDto } from "@/lib/activities/types";
import { errorMessage } from "@/lib/client/api";
import { deleteActivity } from "@/lib/client/activities";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

export function DeleteActivityButton({ activity }: { activity: ActivityDto }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => deleteActivity(activity.id),
    onSuccess: () => {
      router.push("/");
      router.refresh();
    },
  });

  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        trigger={
          <Button
            variant="danger-ghost"
            data-testid="delete-activity"
            disabled={remove.isPending}
          >
            Delete
          </Button>
        }
        title={`Delete “${activity.name}”?`}
        description="The activity, its schema history and all its entries are removed. This cannot be undone."
        confirmLabel="Delete activity"
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        confirmTestId="confirm-delete"
      />
      {remove.error ? (
        <p className="text-danger text-xs" role="alert">
          {errorMessage(remove.error)}
        </p>
      ) : null}
    </div>
  );
}
