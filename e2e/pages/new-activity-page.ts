import { expect, type Page } from "@playwright/test";
import { SchemaEditor } from "./schema-editor";

const ACTIVITY_URL = /\/activities\/([0-9a-f-]{36})$/;

/** /activities/new: name, description, template picker, schema editor. */
export class NewActivityPage {
  readonly editor: SchemaEditor;

  constructor(readonly page: Page) {
    this.editor = new SchemaEditor(page.locator("main"));
  }

  get name() {
    return this.page.getByTestId("activity-name");
  }
  get description() {
    return this.page.getByLabel("Description");
  }
  get submit() {
    return this.page.getByTestId("create-activity");
  }
  /** The form-level message when the server refused to save. */
  get refused() {
    return this.page.getByRole("alert").filter({
      hasText: "The activity was not saved",
    });
  }
  /** What the form will send as the schema. */
  get schemaValue() {
    return this.page.locator('input[type="hidden"][name="schema"]');
  }

  template(id: string) {
    return this.page.getByTestId(`template-${id}`);
  }

  async goto(): Promise<void> {
    await this.page.goto("/activities/new");
    await expect(this.editor.content).toBeVisible();
  }

  async pickTemplate(id: string): Promise<void> {
    await this.template(id).click();
  }

  async fill(values: { name: string; description?: string }): Promise<void> {
    await this.name.fill(values.name);
    if (values.description !== undefined) {
      await this.description.fill(values.description);
    }
  }

  async setSchema(text: string): Promise<void> {
    await this.editor.replace(text);
    await expect(this.schemaValue).toHaveValue(text);
  }

  /** Submits and waits for the activity page; returns the new id. */
  async create(): Promise<string> {
    await this.submit.click();
    await this.page.waitForURL(ACTIVITY_URL, { timeout: 20_000 });
    const id = ACTIVITY_URL.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`not an activity page: ${this.page.url()}`);
    return id;
  }
}
