// "Add Space" takes the app's own Spaces written the README's way (http://localhost:3000/spaces/relief-3d):
// under any of the app's names they are the built-in Spaces, never a loopback URL for the SSRF guard to refuse,
// while any other loopback URL still is. And server-action bodies that are not what the page sends (not the
// arguments' encoding, or 5 MB) change nothing: Next refuses them before the action runs.
import { test, expect, type BrowserContext, type Page } from "@playwright/test";
import { HomePage } from "./pages/home";
import { ActionRecorder, replayAction, type CapturedAction } from "./pages/server-actions";
import { ToolboxPanel } from "./pages/toolbox";

test.describe("Add Space with the app's own Spaces", () => {
  test.describe.configure({ mode: "serial" });

  let owner: BrowserContext;
  let page: Page;
  let port = "";
  let addSpace: CapturedAction;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    owner = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    page = await owner.newPage();
    const gallery = await new HomePage(page).startBuild("the Eiffel Tower");
    await gallery.waitReady(150_000);
    port = new URL(page.url()).port;
  });

  test.afterAll(async () => {
    await owner?.close();
  });

  test("README's http://localhost:PORT/spaces/relief-3d and [::1] are added as built-in Spaces", async () => {
    const toolbox = new ToolboxPanel(page);
    const recorder = new ActionRecorder(page);
    await page.reload();
    await expect(toolbox.field).toBeVisible();
    await page.waitForTimeout(500);
    recorder.markBackground();

    const readme = `http://localhost:${port}/spaces/relief-3d`;
    addSpace = await recorder.during("add-space", () => toolbox.addSpace(readme));
    expect(addSpace.result, addSpace.responseText.slice(0, 300)).toMatchObject({ ok: true });
    await expect(toolbox.added).toHaveCount(1);
    await expect(page.getByRole("button", { name: `Remove ${readme}` })).toBeVisible();
    // The built-in Space offers its endpoint over MCP: the toolbox will call it that way.
    await expect(toolbox.added.first()).toContainText("over MCP");
    // No HF_TOKEN here: no Hub search box, and the panel says why.
    await expect(toolbox.searchUnavailable).toBeVisible();
    await expect(toolbox.search).toHaveCount(0);

    await toolbox.addSpace(`http://[::1]:${port}/spaces/ink-image`);
    await expect(toolbox.added).toHaveCount(2);
    await expect(toolbox.error).toHaveCount(0);
  });

  test("a loopback URL that is not our own Spaces path is still refused", async () => {
    const toolbox = new ToolboxPanel(page);
    for (const url of [`http://localhost:${port}/api/galleries/x`, `http://localhost:${Number(port) + 1}/spaces/relief-3d`, "http://[::1]/spaces/relief-3d"]) {
      await toolbox.addSpace(url);
      await expect(toolbox.error, url).toContainText(/not allowed/);
    }
    await expect(toolbox.added).toHaveCount(2);
  });

  test("an action body that is not the page's encoding, or is 5 MB, is refused before the action runs", async () => {
    const toolbox = new ToolboxPanel(page);
    const bodies: [string, string][] = [
      ["not JSON", "{not json"],
      // The page's own arguments with the Space reference grown to 5 MB.
      ["5 MB", JSON.stringify((JSON.parse(addSpace.body) as unknown[]).map((a, i) => (i === 1 ? "x".repeat(5 * 1024 * 1024) : a)))],
    ];
    for (const [label, body] of bodies) {
      const replay = await replayAction(page.request, addSpace, { body });
      // Next answers both itself (its body limit, its reply decoder) with a 500 and an error row, never the
      // action's result: the status is the framework's, what we pin is that nothing ran.
      expect(replay.status, `${label}: ${replay.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(replay.result, label).toBeNull();
    }
    await page.reload();
    await expect(toolbox.added).toHaveCount(2);
  });
});
