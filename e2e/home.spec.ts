import { test, expect } from "@playwright/test";
import { HomePage } from "./pages/home";
import { distinctPixelShare } from "./support/pixels";

test("home page offers a goal box and renders the empty hall in WebGL with no console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));

  const home = new HomePage(page);
  await home.open();
  await expect(home.goal).toBeVisible();
  await expect(home.build).toBeVisible();
  await expect(home.canvas).toBeVisible();

  // WebGL really drew the hall: a good share of the canvas differs from its dominant colour.
  await expect.poll(() => distinctPixelShare(home.canvas), { timeout: 20_000 }).toBeGreaterThan(0.2);
  expect(errors).toEqual([]);
});
