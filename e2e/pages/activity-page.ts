import { expect, type Download, type Page } from "@playwright/test";
import { SchemaEditor } from "./schema-editor";

export const RENDER_TYPES = ["form", "table", "timeline", "cards"] as const;
export type RenderType = (typeof RENDER_TYPES)[number];

export type Status =
  | "NOT_PROCESSED"
  | "PENDING"
  | "PROCESSING"
  | "COMPLETED"
  | "FAILED"
  | "SKIPPED";

/** Long enough for a retried AI analysis, bounded for a stuck one. */
export const ANALYSIS_TIMEOUT = 30_000;

/** /activities/:id — status, the four renders, designer tools, history. */
export class ActivityPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }
  get status() {
    return this.page.getByTestId("activity-status");
  }
  get progress() {
    return this.page.getByTestId("analysis-progress");
  }
  get failed() {
    return this.page.getByTestId("analysis-failed");
  }
  get fallbackNote() {
    return this.page.getByTestId("fallback-note");
  }
  get retryButton() {
    return this.page.getByTestId("retry-button");
  }
  get rationale() {
    return this.page.getByTestId("render-rationale");
  }
  get warnings() {
    return this.page.getByTestId("render-warnings");
  }
  get selectedTab() {
    return this.page.getByRole("tab", { selected: true });
  }
  get suggestedBadge() {
    return this.page.getByTestId("suggested-badge");
  }
  get pinButton() {
    return this.page.getByTestId("pin-button");
  }
  get unpinButton() {
    return this.page.getByTestId("unpin-button");
  }
  get downloadUiSchemaButton() {
    return this.page.getByTestId("download-uischema");
  }
  get versionHistory() {
    return this.page.getByTestId("version-history");
  }
  get versionRows() {
    return this.versionHistory.getByTestId("version-row");
  }
  get samplesLabel() {
    return this.page.getByTestId("samples-label");
  }
  get entrySubmit() {
    return this.page.getByTestId("entry-submit");
  }
  get entrySaved() {
    return this.page.getByText("Entry saved.");
  }

  tab(type: RenderType) {
    return this.page.getByTestId(`tab-${type}`);
  }
  view(type: RenderType) {
    return this.page.getByTestId(`view-${type}`);
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/activities/${id}`);
    await expect(this.status).toBeVisible();
  }

  async expectStatus(
    status: Status | RegExp,
    timeout = ANALYSIS_TIMEOUT,
  ): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", status, {
      timeout,
    });
  }

  async currentStatus(): Promise<Status> {
    return (await this.status.getAttribute("data-status")) as Status;
  }

  async openTab(type: RenderType): Promise<void> {
    await this.tab(type).click();
    await expect(this.tab(type)).toHaveAttribute("aria-selected", "true");
    await expect(this.view(type)).toBeVisible();
  }

  /** The tab that carries the Suggested (or Pinned) badge. */
  async suggestedType(): Promise<RenderType> {
    for (const type of RENDER_TYPES) {
      if ((await this.tab(type).getByTestId("suggested-badge").count()) > 0) {
        return type;
      }
    }
    throw new Error("no tab carries the suggested badge");
  }

  async pin(type: RenderType): Promise<void> {
    await this.openTab(type);
    await this.pinButton.click();
    await expect(this.pinButton).toHaveAttribute("data-pinned", "true");
  }

  async downloadUiSchema(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.downloadUiSchemaButton.click();
    return download;
  }

  /** Shows the person's own entries rather than generated samples. */
  async showEntries(): Promise<void> {
    await this.page
      .getByTestId("data-source")
      .getByRole("radio", { name: /Your entries/ })
      .click();
  }

  /** The RJSF field for a property of the entry (RJSF ids: root_<name>). */
  field(path: string) {
    return this.view("form").locator(`#root_${path}`);
  }

  async submitEntry(): Promise<void> {
    await this.entrySubmit.click();
    await expect(this.entrySaved).toBeVisible();
  }

  /** Opens Edit, replaces the schema, saves and waits for the dialog to go. */
  async editSchema(text: string): Promise<void> {
    await this.page.getByTestId("edit-activity").click();
    const dialog = this.page.getByRole("dialog");
    await new SchemaEditor(dialog).replace(text);
    await dialog.getByTestId("save-activity").click();
    await expect(dialog).toBeHidden();
  }
}
