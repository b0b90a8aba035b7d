import { expect, test } from "../support/fixtures";

// A comma is missing at the end of line 4; the parser stops on line 5.
const BROKEN_JSON = `{
  "type": "object",
  "properties": {
    "when": { "type": "string", "format": "date-time" }
    "note": { "type": "string" }
  }
}`;

// Valid JSON, but allOf must be an array of schemas (line 6).
const ALLOF_OBJECT = `{
  "type": "object",
  "properties": {
    "note": { "type": "string" }
  },
  "allOf": { "required": ["note"] }
}`;

test.describe("an invalid schema is refused where the problem is", () => {
  test.beforeEach(async ({ newActivity, unique }) => {
    await newActivity.goto();
    await newActivity.fill({ name: unique("Invalid schema") });
  });

  test("broken JSON names its line, marks the editor and saves nothing", async ({
    page,
    newActivity,
    activities,
    api,
  }) => {
    const before = await api.list();
    await newActivity.setSchema(BROKEN_JSON);

    const problems = newActivity.editor.problems;
    await expect(problems).toContainText("Line 5");
    await expect(problems).toContainText("Not valid JSON");
    await expect(newActivity.editor.gutterMarkers).toHaveCount(1);

    await newActivity.submit.click();
    await expect(newActivity.refused).toContainText("line 5");
    await expect(page).toHaveURL(/\/activities\/new$/);
    expect(await api.list()).toEqual(before);

    // Once the schema is edited, the refusal of the old text goes away.
    await newActivity.setSchema(
      BROKEN_JSON.replace('}\n    "note"', '},\n    "note"'),
    );
    await expect(problems).toBeHidden();
    await expect(newActivity.refused).toBeHidden();
    await activities.goto();
    expect(await activities.count()).toBe(before.length);
  });

  test("allOf given as an object names its line and pointer, underlines it and saves nothing", async ({
    page,
    newActivity,
    activities,
    api,
  }) => {
    const before = await api.list();
    await newActivity.setSchema(ALLOF_OBJECT);

    const problems = newActivity.editor.problems;
    await expect(problems).toContainText("Line 6");
    await expect(problems).toContainText('"allOf" must be array');
    await expect(problems).toContainText("/allOf");
    await expect(newActivity.editor.gutterMarkers).toHaveCount(1);
    await expect(newActivity.editor.errorMarks).toContainText('"allOf"');

    await newActivity.submit.click();
    await expect(newActivity.refused).toContainText("/allOf");
    await expect(page).toHaveURL(/\/activities\/new$/);
    expect(await api.list()).toEqual(before);
    await activities.goto();
    expect(await activities.count()).toBe(before.length);
  });
});
