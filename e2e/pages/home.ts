import type { Page, Locator } from "@playwright/test";
import { GalleryPage } from "./gallery";

export class HomePage {
  readonly goal: Locator;
  readonly build: Locator;
  readonly canvas: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.goal = page.getByRole("textbox", { name: "Goal" });
    this.build = page.getByRole("button", { name: "Build gallery" });
    this.canvas = page.locator("canvas").first();
    // The goal field's own error (Next also renders an empty role=alert route announcer).
    this.error = page.locator("#goal-error");
  }

  async open() {
    await this.page.goto("/");
  }

  /** Types a goal, starts the build and returns the gallery page it opens. */
  async startBuild(goal: string): Promise<GalleryPage> {
    await this.open();
    await this.goal.fill(goal);
    await this.build.click();
    await this.page.waitForURL(/\/g\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
    return new GalleryPage(this.page);
  }
}
