import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityView } from "@/components/activity/activity-view";
import { addEntryAction, updateActivityAction } from "./actions";
import { loadActivity, loadActivityPage } from "./load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const loaded = await loadActivity(id);
  return { title: loaded?.activity.name ?? "Activity not found" };
}

export default async function ActivityPage({ params }: Props) {
  const { id } = await params;
  const page = await loadActivityPage(id);
  if (!page) notFound();

  return (
    <ActivityView
      {...page}
      actions={{ update: updateActivityAction, addEntry: addEntryAction }}
    />
  );
}
