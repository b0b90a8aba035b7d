import type { Metadata } from "next";
import Link from "next/link";
import { NewActivityForm } from "@/components/activities/new-activity-form";
import { createActivityAction } from "./actions";
import { pageUser } from "@/lib/auth";
import { TEMPLATES, templateText } from "@/lib/templates";

export const metadata: Metadata = { title: "New activity" };

/** What the editor holds before a template is picked. */
const STARTER = JSON.stringify(
  {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    required: ["when"],
    properties: {
      when: { type: "string", format: "date-time", title: "When" },
      note: { type: "string", title: "Note" },
    },
  },
  null,
  2,
);

export default async function NewActivityPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  await pageUser();
  const { template: wanted } = await searchParams;
  const template = TEMPLATES.find((t) => t.id === wanted);
  const initial = template
    ? {
        name: template.name,
        description: template.description,
        schema: templateText(template),
      }
    : { name: "", description: "", schema: STARTER };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <Link href="/" className="text-muted hover:text-ink text-sm">
          ← Activities
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">New activity</h1>
        <p className="text-muted max-w-2xl text-sm">
          Describe one entry with a JSON Schema. The preview shows how the rules
          would present it before anything is saved; after saving, a fuller
          analysis suggests the best way to show it.
        </p>
      </header>
      <NewActivityForm initial={initial} createAction={createActivityAction} />
    </div>
  );
}
