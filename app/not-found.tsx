import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/feedback";

export default function NotFound() {
  return (
    <EmptyState
      className="mt-6"
      title="Nothing here"
      description="The page you asked for does not exist, or the activity was deleted."
      action={
        <Link href="/" className={buttonClass("primary")}>
          Back to activities
        </Link>
      }
    />
  );
}
