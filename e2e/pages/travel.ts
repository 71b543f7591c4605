import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** The owner's upload control on the gallery page: the file input, its progress/status and the refusal alert. */
export class UploadPanel {
  readonly input: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByLabel("Add your own work");
    this.alert = page.getByRole("alert").filter({ hasText: "was not added" });
    this.status = page.getByRole("status").filter({ hasText: /was added|Checking/ });
  }

  async upload(name: string, bytes: Uint8Array, mimeType = "application/octet-stream"): Promise<void> {
    await this.input.setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  }

  /** Drops a file onto the gallery page, as dragging it from the desktop does. */
  async drop(name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    const data = await this.page.evaluateHandle(
      ({ name, b64, mimeType }) => {
        const bin = atob(b64);
        const arr = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([arr], name, { type: mimeType }));
        return dt;
      },
      { name, b64: Buffer.from(bytes).toString("base64"), mimeType },
    );
    const stage = this.page.locator("[data-gallery-stage]");
    await stage.dispatchEvent("dragover", { dataTransfer: data });
    await stage.dispatchEvent("drop", { dataTransfer: data });
  }

  async refused(): Promise<string> {
    await expect(this.alert).toBeVisible({ timeout: 30_000 });
    return (await this.alert.textContent()) ?? "";
  }
}

/** The embed page (/g/{id}/embed) inside another site's <iframe>. */
export class EmbeddedGallery {
  readonly frame: FrameLocator;
  readonly canvas: Locator;
  readonly backLink: Locator;

  constructor(page: Page, selector = "iframe") {
    this.frame = page.frameLocator(selector);
    this.canvas = this.frame.locator("canvas").first();
    this.backLink = this.frame.getByRole("link", { name: "Open in Vernissage" });
  }

  button(name: string): Locator {
    return this.frame.getByRole("button", { name, exact: true });
  }
}

/** The exported gallery's static viewer (index.html from the zip). */
export class ExportedViewer {
  readonly canvas: Locator;
  readonly exhibits: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.locator("#stage canvas");
    this.exhibits = page.getByRole("list", { name: "Exhibits" }).getByRole("listitem");
  }

  status(): Promise<{ shown: number; failed: number; total: number; frames: number; errors: string[] } | null> {
    return this.page.evaluate(() => (window as unknown as { __viewer?: { shown: number; failed: number; total: number; frames: number; errors: string[] } }).__viewer ?? null);
  }

  /** Waits until every exhibit with a model is in the scene (a splat: in a drawn frame) and a frame was drawn after it. */
  async waitAllShown(total: number): Promise<void> {
    await expect.poll(async () => (await this.status())?.shown, { timeout: 60_000 }).toBe(total);
    await this.waitFrames(3);
    expect((await this.status())!.failed).toBe(0);
  }

  /** Waits until `count` more frames have been drawn. */
  async waitFrames(count: number): Promise<void> {
    const frames = (await this.status())!.frames;
    await expect.poll(async () => (await this.status())!.frames, { timeout: 30_000 }).toBeGreaterThanOrEqual(frames + count);
  }

  /** Steps the tour ("Next exhibit") until it stops at the exhibit titled `title`. */
  async tourTo(title: string): Promise<void> {
    const caption = this.page.locator("#caption");
    const next = this.page.getByRole("button", { name: "Next exhibit" });
    const count = await this.exhibits.count();
    for (let i = 0; i < count; i++) {
      await next.click();
      if (((await caption.textContent()) ?? "").endsWith(`: ${title}`)) return;
    }
    throw new Error(`the tour never stopped at ${title}`);
  }
}
