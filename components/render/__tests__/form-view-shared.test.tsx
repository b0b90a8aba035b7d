// @vitest-environment happy-dom
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { analyzeWithRules, formSchema } from "@/lib/render";
import { FormView } from "../form-view";
import { sectionsOf } from "../sections";
import { describeShared, hasShared, readShared, SHARED_DIR } from "./shared";

afterEach(cleanup);

const files = hasShared
  ? ["activity-like", "hard", "rjsf-playground", "jsonforms"].flatMap((group) =>
      readdirSync(join(SHARED_DIR, group))
        .filter((file) => file.endsWith(".schema.json"))
        .map((file) => `${group}/${file}`),
    )
  : [];

describeShared("FormView on every shared schema", () => {
  it.each(files)("%s: draws a form or explains why not", (file) => {
    const schema = readShared(file);
    let safe: unknown;
    let render_: ReturnType<typeof analyzeWithRules>;
    try {
      safe = formSchema(schema);
      render_ = analyzeWithRules(schema);
    } catch {
      return; // The rules refuse it (an invalid schema); no form is shown.
    }
    // RJSF and React report what they recover from; that is expected here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const hush = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(
      <FormView
        schema={safe}
        uiSchema={render_.uiSchema}
        sections={sectionsOf(render_)}
        columns={1}
      />,
    );
    quiet.mockRestore();
    hush.mockRestore();
    const view = screen.getByTestId("view-form");
    const drawn = view.querySelector("form") !== null;
    const explained = /cannot be shown as a form/.test(view.textContent ?? "");
    expect(drawn || explained).toBe(true);
  });
});
