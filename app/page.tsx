import Link from "next/link";
import { getDb } from "@/db/client";
import { toSummaryDto } from "@/lib/activities/dto";
import { listOwnedActivities } from "@/lib/activities/service";
import { pageUserId } from "@/lib/auth";
import { TEMPLATES } from "@/lib/templates";
import { ActivityList } from "@/components/activities/activity-list";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/feedback";

export const dynamic = "force-dynamic";

export default async function ActivitiesPage() {
  const [db, userId] = await Promise.all([getDb(), pageUserId()]);
  const activities = (await listOwnedActivities(db, userId)).map(toSummaryDto);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Activities</h1>
          <p className="text-muted mt-1 text-sm">
            What you track, and how each is best shown.
          </p>
        </div>
        {activities.length ? (
          <Link
            href="/activities/new"
            className={buttonClass("primary")}
            data-testid="new-activity"
          >
            New activity
          </Link>
        ) : null}
      </header>
      {activities.length ? (
        <ActivityList initial={activities} />
      ) : (
        <FirstActivity />
      )}
    </div>
  );
}

function FirstActivity() {
  return (
    <EmptyState
      data-testid="activities-empty"
      title="No activities yet"
      description="An activity is something you track — a run, a blood pressure reading, a book. Describe one entry with a JSON Schema and see it as a form, table, timeline or cards."
      action={
        <div className="flex flex-col items-center gap-4">
          <Link
            href="/activities/new"
            className={buttonClass("primary", "lg")}
            data-testid="create-first-activity"
          >
            Create your first activity
          </Link>
          <div className="text-muted flex flex-wrap justify-center gap-x-1 gap-y-1 text-sm">
            <span>or start from</span>
            {TEMPLATES.map((template, index) => (
              <span key={template.id}>
                <Link
                  href={`/activities/new?template=${template.id}`}
                  className="text-accent-ink underline decoration-accent/30 underline-offset-2 hover:decoration-accent"
                >
                  {template.name.toLowerCase()}
                </Link>
                {index < TEMPLATES.length - 1 ? "," : ""}
              </span>
            ))}
          </div>
        </div>
      }
    />
  );
}
