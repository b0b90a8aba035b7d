// @vitest-environment happy-dom
import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import { cleanup, render } from "@testing-library/react";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  analyzeWithRules,
  checkRender,
  formSchema,
  InvalidSchemaError,
  renderFor,
  RENDER_TYPES,
} from "@/lib/render";
import {
  OWN_SCHEMAS,
  SHARED_SCHEMAS,
  schemaFiles,
  type SchemaFile,
} from "./test-support/schemas";

// Schemas that are not valid against their meta-schema, and the pointer
// the refusal must name.
const REFUSED: Record<string, string> = {
  "hard/rjsf-2787-allof-object-invalid": "/allOf",
  "hard/rjsf-2900-enum-null": "/properties/default",
  "hard/rjsf-3791-empty-tuple-additionalitems": "/items",
  "invalid-allof": "/allOf",
  "invalid-type": "/properties/steps/type",
};

const PER_SCHEMA_MS = 20_000;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function expectRefusal(file: SchemaFile, pointer: string): void {
  let caught: unknown;
  try {
    analyzeWithRules(file.schema);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidSchemaError);
  const refusal = caught as InvalidSchemaError;
  expect(refusal.problems.map((p) => p.pointer)).toContain(pointer);
  expect(refusal.message).toContain(pointer);
}

function expectRenders(file: SchemaFile): void {
  const suggestion = analyzeWithRules(file.schema);
  expect(checkRender(file.schema, suggestion)).toEqual([]);
  for (const type of RENDER_TYPES) {
    const pinned = renderFor(file.schema, type);
    if (pinned.ok) expect(checkRender(file.schema, pinned.render)).toEqual([]);
  }

  // RJSF may warn about the data (console); it must not throw.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  const { container } = render(
    <Form
      schema={formSchema(file.schema) as never}
      uiSchema={suggestion.uiSchema}
      formData={file.data}
      validator={validator}
      noHtml5Validate
    />,
  );
  expect(container.querySelector("form")).not.toBeNull();
  expect(container.textContent).not.toContain("Invalid root object field");
}

function checkEach(files: SchemaFile[]): void {
  for (const file of files) {
    const refusedAt = REFUSED[file.name];
    const title = refusedAt
      ? `${file.name} is refused, naming ${refusedAt}`
      : `${file.name} gets a render that checks out and renders in RJSF`;
    it(
      title,
      () => (refusedAt ? expectRefusal(file, refusedAt) : expectRenders(file)),
      PER_SCHEMA_MS,
    );
  }
}

const sharedPresent = existsSync(SHARED_SCHEMAS);

describe.skipIf(!sharedPresent)(
  sharedPresent
    ? "the 41 shared real-world schemas"
    : "shared schemas skipped: ../shared/schemas is absent",
  () => {
    const files = schemaFiles(SHARED_SCHEMAS);

    it("finds all 41 shared schemas", () => {
      expect(files).toHaveLength(41);
    });
    checkEach(files);
  },
);

describe("the project's own fixture schemas", () => {
  const files = schemaFiles(OWN_SCHEMAS);

  it("finds every fixture", () => {
    expect(files).toHaveLength(14);
  });
  checkEach(files);
});
