import { expect, type Page } from "@playwright/test";

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** The sign-up and sign-in pages (once accounts exist). */
export class AuthPage {
  constructor(readonly page: Page) {}

  get name() {
    return this.page.getByTestId("auth-name");
  }
  get email() {
    return this.page.getByTestId("auth-email");
  }
  get password() {
    return this.page.getByTestId("auth-password");
  }
  get submit() {
    return this.page.getByTestId("auth-submit");
  }
  get signOutButton() {
    return this.page.getByTestId("sign-out");
  }

  /**
   * Opens the home page and says where it landed: on the activities (no
   * accounts in this build, or already signed in) or on an auth page.
   */
  async landing(): Promise<"app" | "sign-up" | "sign-in"> {
    await this.page.goto("/");
    const app = this.page.getByRole("heading", {
      name: "Activities",
      level: 1,
    });
    await expect(this.submit.or(app).first()).toBeVisible();
    const path = new URL(this.page.url()).pathname;
    if (path.startsWith("/sign-up")) return "sign-up";
    if (path.startsWith("/sign-in")) return "sign-in";
    return "app";
  }

  async signUp(account: Account): Promise<void> {
    await this.open("/sign-up");
    await this.name.fill(account.name);
    await this.email.fill(account.email);
    await this.password.fill(account.password);
    await this.submit.click();
    await this.expectSignedIn();
  }

  async signIn(account: Pick<Account, "email" | "password">): Promise<void> {
    await this.open("/sign-in");
    await this.email.fill(account.email);
    await this.password.fill(account.password);
    await this.submit.click();
    await this.expectSignedIn();
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/sign-(in|up)/);
  }

  /** Goes to an auth page; from the other one, by its own link. */
  private async open(path: "/sign-up" | "/sign-in"): Promise<void> {
    const here = new URL(this.page.url()).pathname;
    if (here.startsWith(path)) {
      // already there
    } else if (/^\/sign-(in|up)/.test(here)) {
      const label = path === "/sign-up" ? "Create an account" : "Sign in";
      await this.page.getByRole("link", { name: label, exact: true }).click();
      await expect(this.page).toHaveURL(new RegExp(`${path}$`));
    } else {
      await this.page.goto(path);
    }
    await expect(this.submit).toBeEnabled();
  }

  private async expectSignedIn(): Promise<void> {
    await expect(this.page).not.toHaveURL(/\/sign-(in|up)/, {
      timeout: 15_000,
    });
  }
}
