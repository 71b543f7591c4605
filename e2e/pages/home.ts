import type { Page, Locator } from "@playwright/test";

export class HomePage {
  readonly goal: Locator;
  readonly build: Locator;
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.goal = page.getByRole("textbox", { name: "Goal" });
    this.build = page.getByRole("button", { name: "Build gallery" });
    this.canvas = page.locator("canvas").first();
  }

  async open() {
    await this.page.goto("/");
  }
}
