"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ActivityDto } from "@/lib/activities/types";
import { ApiError, errorMessage, valueOf } from "@/lib/client/api";
import { prettyJson } from "@/lib/client/export";
import { parseSchemaText, usePreview } from "@/lib/client/preview";
import {
  SchemaProblems,
  type ListedProblem,
} from "@/components/activities/schema-problems";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Callout, Skeleton, Spinner } from "@/components/ui/feedback";
import { Field, Input, Label, Textarea } from "@/components/ui/field";
import type { ActivityFormActions } from "./form-actions";
import { useActivityMutation } from "./use-activity-actions";

const SchemaEditor = dynamic(
  () => import("@/components/activities/schema-editor"),
  { ssr: false, loading: () => <Skeleton className="h-80 w-full" /> },
);

/** Edit name, description and schema; a changed schema is re-analysed. */
export function EditActivityDialog({
  activity,
  update,
}: {
  activity: ActivityDto;
  update: ActivityFormActions["update"];
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" data-testid="edit-activity">
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Edit activity"
        description="Changing the schema makes a new version and starts a new analysis. Existing entries are kept."
        className="max-w-3xl"
      >
        {open ? (
          <EditForm
            activity={activity}
            update={update}
            onDone={() => setOpen(false)}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function EditForm({
  activity,
  update,
  onDone,
}: {
  activity: ActivityDto;
  update: ActivityFormActions["update"];
  onDone: () => void;
}) {
  const router = useRouter();
  const ids = { name: useId(), description: useId(), schema: useId() };
  const [name, setName] = useState(activity.name);
  const [description, setDescription] = useState(activity.description ?? "");
  const [schemaText, setSchemaText] = useState(() =>
    prettyJson(activity.schema).trimEnd(),
  );
  const preview = usePreview(schemaText);
  const save = useActivityMutation(activity.id, async () => {
    const parsed = parseSchemaText(schemaText);
    if (!parsed.ok) throw new Error("Fix the JSON before saving.");
    const answer = await update(activity.id, {
      name,
      description: description || null,
      schema: parsed.value,
    });
    return valueOf(answer);
  });

  const fieldErrors =
    save.error instanceof ApiError ? save.error.fieldErrors : {};
  const problems = listProblems(preview, save.error);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => {
        onDone();
        // The server recomputes the rule-based renders and samples.
        router.refresh();
      },
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {save.error ? (
        <Callout tone="danger" role="alert" title="Not saved">
          {errorMessage(save.error)}
        </Callout>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor={ids.name} errors={fieldErrors.name}>
          <Input
            id={ids.name}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          label="Description"
          htmlFor={ids.description}
          errors={fieldErrors.description}
        >
          <Textarea
            id={ids.description}
            rows={1}
            value={description}
            maxLength={2000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label id={`${ids.schema}-label`} htmlFor={ids.schema}>
          JSON Schema
        </Label>
        <SchemaEditor
          id={ids.schema}
          value={schemaText}
          onChange={setSchemaText}
          problems={problems.flatMap((p) =>
            p.line === null ? [] : [{ line: p.line, message: p.message }],
          )}
          labelledBy={`${ids.schema}-label`}
          invalid={problems.length > 0}
          maxHeight="42vh"
        />
        <SchemaProblems id={`${ids.schema}-problems`} problems={problems} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button
          type="submit"
          data-testid="save-activity"
          disabled={save.isPending || !!preview.syntaxError}
        >
          {save.isPending ? <Spinner /> : null}
          Save changes
        </Button>
      </div>
    </form>
  );
}

function listProblems(
  preview: ReturnType<typeof usePreview>,
  saveError: unknown,
): ListedProblem[] {
  if (preview.syntaxError) {
    return [
      {
        message: `Not valid JSON: ${preview.syntaxError.message}`,
        line: preview.syntaxError.line,
      },
    ];
  }
  const problems = preview.problems.length
    ? preview.problems
    : saveError instanceof ApiError
      ? saveError.problems
      : [];
  return problems.map((p) => ({
    message: p.message,
    line: p.line ?? null,
    pointer: p.pointer,
  }));
}
