import type { Locator, Page } from "@playwright/test";

/** The owner's Toolbox section on a gallery page: add a Space by id or URL, see it listed. */
export class ToolboxPanel {
  readonly region: Locator;
  readonly field: Locator;
  readonly add: Locator;
  readonly error: Locator;
  readonly added: Locator;
  /** "Find MCP Spaces on the Hub": present only when the server has HF_TOKEN. */
  readonly search: Locator;
  /** What the panel says in its place without a token. */
  readonly searchUnavailable: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Toolbox" });
    this.field = this.region.getByRole("textbox", { name: "Space id or URL" });
    this.add = this.region.getByRole("button", { name: "Add Space" });
    this.error = this.region.getByRole("alert");
    this.added = this.region.getByRole("list", { name: "Added Spaces" }).getByRole("listitem");
    this.search = this.region.getByRole("search", { name: "Find MCP Spaces" });
    this.searchUnavailable = this.region.getByText(/Searching the Hub for MCP Spaces needs a Hugging Face token/);
  }

  async addSpace(ref: string) {
    await this.field.fill(ref);
    await this.add.click();
  }
}

/** Every control that would change a gallery: a viewer must see none of them. */
export function editControls(page: Page): Locator {
  return page.getByRole("button", { name: /^(Regenerate|Swap|Move|Retry|Undo|Redo|Add Space|Cancel)$|^(Earlier|Later) in the hall/ });
}
