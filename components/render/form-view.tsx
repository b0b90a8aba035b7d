"use client";

import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema as RjsfUiSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import { useMemo, useState, type ReactNode } from "react";
import type { UiSchema } from "@/lib/render/types";
import { Button } from "@/components/ui/button";
import { Callout, Spinner } from "@/components/ui/feedback";
import { ViewErrorBoundary } from "./error-boundary";
import { plainErrors } from "./form-errors";
import { safeUiSchema } from "./safe-ui-schema";
import {
  SectionedObjectTemplate,
  type FormContext,
  type FormSection,
} from "./form-sections";

// One validator per dialect: RJSF's default Ajv speaks draft-07, and
// schemas that declare 2019-09 or 2020-12 need Ajv's 2020 class.
const draft07 = customizeValidator();
const draft2020 = customizeValidator({
  AjvClass: Ajv2020 as unknown as NonNullable<
    Parameters<typeof customizeValidator>[0]
  >["AjvClass"],
});

function validatorFor(schema: RJSFSchema) {
  const dialect = typeof schema.$schema === "string" ? schema.$schema : "";
  return /2019-09|2020-12/.test(dialect) ? draft2020 : draft07;
}

const templates = { ObjectFieldTemplate: SectionedObjectTemplate };

export interface FormViewProps {
  schema: unknown;
  uiSchema: UiSchema;
  sections: FormSection[];
  columns: 1 | 2;
  /** Saves a valid entry; without it the form is a preview only. */
  onSubmit?: (data: unknown) => Promise<void>;
  /** A note under the button, e.g. why submitting is not possible. */
  footnote?: ReactNode;
}

export function FormView(props: FormViewProps) {
  return (
    <div data-testid="view-form" className="max-w-3xl">
      <ViewErrorBoundary
        fallback={(message) => (
          <Callout tone="warn" title="This schema cannot be shown as a form">
            The form library stopped with: {message}
          </Callout>
        )}
      >
        <EntryForm {...props} />
      </ViewErrorBoundary>
    </div>
  );
}

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "valid" }
  | { kind: "failed"; message: string };

function EntryForm({
  schema,
  uiSchema,
  sections,
  columns,
  onSubmit,
  footnote,
}: FormViewProps) {
  const rjsfSchema = schema as RJSFSchema;
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // A new key gives a fresh, empty form after an entry is saved.
  const [formKey, setFormKey] = useState(0);
  const safeUi = useMemo(() => safeUiSchema(uiSchema), [uiSchema]);
  const context = useMemo<FormContext>(
    () => ({ sections, columns }),
    [sections, columns],
  );

  async function submit(data: unknown) {
    if (!onSubmit) return setStatus({ kind: "valid" });
    setStatus({ kind: "saving" });
    try {
      await onSubmit(data);
      setStatus({ kind: "saved" });
      setFormKey((key) => key + 1);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ kind: "failed", message });
    }
  }

  return (
    <Form
      key={formKey}
      className="rjsf-theme"
      schema={rjsfSchema}
      uiSchema={safeUi as RjsfUiSchema}
      validator={validatorFor(rjsfSchema)}
      formContext={context}
      templates={templates}
      noHtml5Validate
      transformErrors={plainErrors}
      // A field whose shape is unknown (a reference to another file) gets
      // a type picker and a value input instead of RJSF's error box, so a
      // required one can still be filled in.
      useFallbackUiForUnsupportedType
      showErrorList="top"
      focusOnFirstError
      // "Saved" stays until the next submit: the fresh form's first change
      // event would otherwise clear it at once.
      onChange={() =>
        (status.kind === "failed" || status.kind === "valid") &&
        setStatus({ kind: "idle" })
      }
      onError={() => setStatus({ kind: "idle" })}
      onSubmit={({ formData }) => void submit(formData)}
    >
      <FormFooter status={status} canSave={!!onSubmit} footnote={footnote} />
    </Form>
  );
}

function FormFooter({
  status,
  canSave,
  footnote,
}: {
  status: Status;
  canSave: boolean;
  footnote: ReactNode;
}) {
  return (
    <div className="border-line mt-6 flex flex-col gap-3 border-t pt-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          data-testid="entry-submit"
          disabled={status.kind === "saving"}
        >
          {status.kind === "saving" ? <Spinner /> : null}
          {canSave ? "Save entry" : "Check entry"}
        </Button>
        <p role="status" aria-live="polite" className="text-sm">
          {status.kind === "saved" ? (
            <span className="text-ok font-medium">
              Entry saved. It now shows in every view.
            </span>
          ) : null}
          {status.kind === "valid" ? (
            <span className="text-ok font-medium">This entry is valid.</span>
          ) : null}
        </p>
      </div>
      {status.kind === "failed" ? (
        <Callout tone="danger" role="alert" title="The entry was not saved">
          {status.message}
        </Callout>
      ) : null}
      {footnote ? <p className="text-muted text-xs">{footnote}</p> : null}
    </div>
  );
}
