import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/feedback";

export default function ActivityNotFound() {
  return (
    <EmptyState
      className="mt-6"
      data-testid="activity-not-found"
      title="Activity not found"
      description="It may have been deleted, or the link is wrong."
      action={
        <Link href="/" className={buttonClass("primary")}>
          All activities
        </Link>
      }
    />
  );
}
