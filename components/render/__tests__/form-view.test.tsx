// @vitest-environment happy-dom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderFor } from "@/lib/render";
import { FormView } from "../form-view";
import { sectionsOf } from "../sections";
import { describeShared, readShared } from "./shared";

afterEach(cleanup);

function input(label: RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describeShared("FormView on RJSF's simple sample", () => {
  const schema = readShared("rjsf-playground/simple.schema.json");
  const result = renderFor(schema, "form");
  if (!result.ok) throw new Error(result.reason);
  const { uiSchema } = result.render;
  const sections = [
    { title: "Name", description: null, fields: ["/firstName", "/lastName"] },
    { title: "About", description: null, fields: ["/age", "/bio"] },
  ];

  it("shows an ajv error for a bad value and does not submit", async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <FormView
        schema={schema}
        uiSchema={uiSchema}
        sections={sections}
        columns={2}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(input(/last name/i), { target: { value: "Norris" } });
    fireEvent.change(input(/telephone/i), { target: { value: "123" } });
    fireEvent.click(screen.getByTestId("entry-submit"));

    await waitFor(() =>
      expect(
        screen.getAllByText(/must be at least 10 characters/i).length,
      ).toBeGreaterThan(0),
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("lays the render's own sections out as titled blocks", () => {
    render(
      <FormView
        schema={schema}
        uiSchema={uiSchema}
        sections={sectionsOf(result.render)}
        columns={1}
      />,
    );
    const titles = screen
      .getAllByTestId("form-section")
      .map((s) => s.querySelector("h3")?.textContent ?? null);
    expect(titles).toEqual(sectionsOf(result.render).map((s) => s.title));
  });

  it("submits a valid entry and groups fields into sections", async () => {
    const onSubmit = vi.fn(async () => {});
    render(
      <FormView
        schema={schema}
        uiSchema={uiSchema}
        sections={sections}
        columns={1}
        onSubmit={onSubmit}
      />,
    );
    const titles = screen
      .getAllByTestId("form-section")
      .map((s) => s.querySelector("h3")?.textContent ?? null);
    expect(titles).toEqual(["Name", "About", "More"]);

    fireEvent.change(input(/last name/i), { target: { value: "Norris" } });
    fireEvent.click(screen.getByTestId("entry-submit"));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ firstName: "Chuck", lastName: "Norris" }),
    );
    await screen.findByText(/entry saved/i);
  });
});

describe("FormView", () => {
  const schema = {
    type: "object",
    required: ["systolic"],
    properties: {
      systolic: { type: "integer", title: "Systolic", minimum: 60 },
      note: {
        type: "string",
        title: "Note",
        description: "<img src=x onerror=alert(1)> **bold**",
      },
    },
  };

  it("shows the server's refusal when saving fails", async () => {
    const onSubmit = vi.fn(async () => {
      throw new Error("The entry does not match the schema.");
    });
    render(
      <FormView
        schema={schema}
        uiSchema={{ note: { "ui:enableMarkdownInDescription": true } }}
        sections={[]}
        columns={1}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(input(/systolic/i), { target: { value: "120" } });
    fireEvent.click(screen.getByTestId("entry-submit"));

    await screen.findByText("The entry does not match the schema.");
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
  });

  it("says a value is too small", async () => {
    render(
      <FormView schema={schema} uiSchema={{}} sections={[]} columns={1} />,
    );
    fireEvent.change(input(/systolic/i), { target: { value: "20" } });
    fireEvent.click(screen.getByTestId("entry-submit"));
    await waitFor(() =>
      expect(screen.getAllByText(/must be at least 60/).length).toBeGreaterThan(
        0,
      ),
    );
    expect(screen.queryByText(/>= 60/)).toBeNull();
  });

  it("names a missing required field in words", async () => {
    render(
      <FormView schema={schema} uiSchema={{}} sections={[]} columns={1} />,
    );
    fireEvent.click(screen.getByTestId("entry-submit"));
    await waitFor(() =>
      expect(screen.getAllByText(/is required/).length).toBeGreaterThan(0),
    );
    expect(screen.queryByText(/must have required property/)).toBeNull();
  });

  it("explains instead of crashing on a schema RJSF cannot draw", () => {
    // React reports the caught error on the console; that is expected here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <FormView
        schema={{ type: "string" }}
        uiSchema={{ "ui:widget": "updown" }}
        sections={[]}
        columns={1}
      />,
    );
    expect(screen.getByText(/cannot be shown as a form/i)).toBeTruthy();
    quiet.mockRestore();
  });
});
