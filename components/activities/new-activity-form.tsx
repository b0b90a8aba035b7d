"use client";

import dynamic from "next/dynamic";
import { useActionState, useId, useState } from "react";
import {
  initialNewActivityState,
  type NewActivityState,
} from "@/lib/activities/new-activity-state";
import { usePreview } from "@/lib/client/preview";
import {
  TEMPLATES,
  templateText,
  type ActivityTemplate,
} from "@/lib/templates";
import { Button } from "@/components/ui/button";
import { Callout, Skeleton, Spinner } from "@/components/ui/feedback";
import { Field, Input, Label, Textarea } from "@/components/ui/field";
import { LivePreview } from "./live-preview";
import { SchemaProblems, type ListedProblem } from "./schema-problems";
import { TemplatePicker } from "./template-picker";

const SchemaEditor = dynamic(() => import("./schema-editor"), {
  ssr: false,
  loading: () => <Skeleton className="h-80 w-full" />,
});

export function NewActivityForm({
  initial,
  createAction,
}: {
  initial: NewActivityState["values"];
  /** The server action that saves the form (app/activities/new). */
  createAction: (
    previous: NewActivityState,
    form: FormData,
  ) => Promise<NewActivityState>;
}) {
  const [state, action, saving] = useActionState(
    createAction,
    initialNewActivityState(initial),
  );
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [schemaText, setSchemaText] = useState(initial.schema);
  const preview = usePreview(schemaText);
  const ids = { schema: useId(), problems: useId(), name: useId() };

  const listed = problemsToList(preview, state, schemaText);
  // The refusal speaks of what was sent; once that is edited, it is old.
  const refusalIsCurrent =
    state.values.schema === schemaText &&
    state.values.name === name &&
    state.values.description === description;

  function applyTemplate(template: ActivityTemplate) {
    setSchemaText(templateText(template));
    if (!name.trim() || TEMPLATES.some((t) => t.name === name)) {
      setName(template.name);
    }
    if (
      !description.trim() ||
      TEMPLATES.some((t) => t.description === description)
    ) {
      setDescription(template.description);
    }
  }

  return (
    <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form action={action} className="flex min-w-0 flex-col gap-5" noValidate>
        {state.status === "error" && state.message && refusalIsCurrent ? (
          <Callout
            tone="danger"
            title="The activity was not saved"
            role="alert"
          >
            {state.message}
          </Callout>
        ) : null}
        <Field
          label="Name"
          htmlFor={ids.name}
          errors={state.fieldErrors.name}
          errorId={`${ids.name}-error`}
        >
          <Input
            id={ids.name}
            name="name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Morning run"
            aria-invalid={!!state.fieldErrors.name?.length}
            aria-describedby={
              state.fieldErrors.name ? `${ids.name}-error` : undefined
            }
            data-testid="activity-name"
          />
        </Field>
        <Field
          label={
            <>
              Description{" "}
              <span className="text-faint font-normal">(optional)</span>
            </>
          }
          htmlFor={`${ids.name}-description`}
          errors={state.fieldErrors.description}
        >
          <Textarea
            id={`${ids.name}-description`}
            name="description"
            rows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What one entry records, in a sentence."
          />
        </Field>
        <TemplatePicker onPick={applyTemplate} />
        <div className="flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-3">
            <Label id={`${ids.schema}-label`} htmlFor={ids.schema}>
              JSON Schema for one entry
            </Label>
            <SyntaxStatus preview={preview} problems={listed.length} />
          </div>
          <input type="hidden" name="schema" value={schemaText} />
          <SchemaEditor
            id={ids.schema}
            value={schemaText}
            onChange={setSchemaText}
            problems={listed.filter(hasLine)}
            labelledBy={`${ids.schema}-label`}
            describedBy={listed.length ? ids.problems : undefined}
            invalid={listed.length > 0}
          />
          <SchemaProblems id={ids.problems} problems={listed} />
        </div>
        <div className="flex items-center gap-3">
          <Button
            type="submit"
            size="lg"
            disabled={saving}
            data-testid="create-activity"
          >
            {saving ? <Spinner /> : null}
            {saving ? "Creating…" : "Create activity"}
          </Button>
          <p className="text-muted text-xs">
            Saving starts an analysis; you can change everything later.
          </p>
        </div>
      </form>
      <LivePreview preview={preview} />
    </div>
  );
}

function hasLine(
  problem: ListedProblem,
): problem is ListedProblem & { line: number } {
  return typeof problem.line === "number";
}

/** Syntax errors first, then the server's problems; the form's if fresh. */
function problemsToList(
  preview: ReturnType<typeof usePreview>,
  state: NewActivityState,
  text: string,
): ListedProblem[] {
  if (preview.syntaxError) {
    return [
      {
        message: `Not valid JSON: ${preview.syntaxError.message}`,
        line: preview.syntaxError.line,
      },
    ];
  }
  if (preview.problems.length) {
    return preview.problems.map((p) => ({
      message: p.message,
      line: p.line ?? null,
      pointer: p.pointer,
    }));
  }
  if (preview.error && !preview.pending) {
    return [{ message: preview.error.message, line: null }];
  }
  const stale = state.values.schema !== text;
  if (!stale && state.problems.length) {
    return state.problems.map((p) => ({
      message: p.message,
      line: p.line ?? null,
      pointer: p.pointer,
    }));
  }
  const schemaErrors = stale ? [] : (state.fieldErrors.schema ?? []);
  return schemaErrors.map((message) => ({ message, line: null }));
}

function SyntaxStatus({
  preview,
  problems,
}: {
  preview: ReturnType<typeof usePreview>;
  problems: number;
}) {
  if (preview.pending) {
    return (
      <span className="text-muted inline-flex items-center gap-1.5 text-xs">
        <Spinner className="size-3" /> Checking
      </span>
    );
  }
  if (problems) {
    return (
      <span className="text-danger text-xs font-medium">
        {problems === 1 ? "1 problem" : `${problems} problems`}
      </span>
    );
  }
  return preview.preview ? (
    <span className="text-ok text-xs font-medium">Valid schema</span>
  ) : null;
}
