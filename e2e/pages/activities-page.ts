import type { Page } from "@playwright/test";

/** The home page: the activities list. */
export class ActivitiesPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { name: "Activities", level: 1 });
  }
  get rows() {
    return this.page.getByTestId("activity-row");
  }
  get empty() {
    return this.page.getByTestId("activities-empty");
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.heading.waitFor();
  }

  row(name: string) {
    return this.rows.filter({ hasText: name });
  }

  /** The rows on the page now (0 while the empty state shows). */
  async count(): Promise<number> {
    await this.rows.first().or(this.empty).waitFor();
    return this.rows.count();
  }
}
