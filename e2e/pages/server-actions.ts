import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";

// Server actions are public POST endpoints: a request carrying `next-action: <id>` and the arguments as the
// body. These helpers record the real requests a page sends (so a test never guesses an action's id or its
// wire format) and replay them from elsewhere, as an attacker with a copied request would.

export interface CapturedAction {
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** What the server answered the page that sent it: parsed, and as sent. */
  result: ActionResult | null;
  responseText: string;
}

export type ActionResult = { ok: true; value?: unknown } | { ok: false; error: string };

/** The action's return value in an RSC response: the row whose JSON has an `ok` field. */
export function parseActionResult(text: string): ActionResult | null {
  for (const line of text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})\s*$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[1]!) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as ActionResult;
    } catch {
      // not JSON: another kind of row
    }
  }
  return null;
}

/** Headers worth replaying: the action id and the router state, never the browser's cookie. */
function replayable(headers: Record<string, string>): Record<string, string> {
  const keep = ["next-action", "next-router-state-tree", "content-type", "accept"];
  return Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k.toLowerCase())));
}

export class ActionRecorder {
  private readonly seen: Request[] = [];
  private readonly background = new Set<string>();
  private readonly bodies = new Map<Request, string>();
  private armed = false;

  constructor(page: Page) {
    this.watch(page);
  }

  /** Records another page too (same app, so the same action ids: background ones stay background). */
  watch(page: Page) {
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) this.seen.push(r);
    });
    // A step's action is passed through here so its answer can be read: the browser drops a response body as
    // soon as the page refreshes itself (router.refresh()), which some actions trigger at once. Only during a
    // step, and never background actions: the live stream never ends, so it must not be buffered.
    void page.route(/\/g\/[^/?#]+(\?[^#]*)?$/, async (route) => {
      const request = route.request();
      const action = request.headers()["next-action"];
      if (!this.armed || request.method() !== "POST" || !action || this.background.has(action)) return route.fallback();
      const response = await route.fetch();
      const body = await response.body();
      this.bodies.set(request, body.toString("utf8"));
      await route.fulfill({ response, body });
    });
  }

  /** Actions already sent (the live stream, the toolbox list…) are background noise, not what a step sends. */
  markBackground() {
    for (const r of this.seen) this.background.add(r.headers()["next-action"]!);
  }

  /** Runs `step` and returns the one new action request it made, with the server's answer. */
  async during(label: string, step: () => Promise<void>): Promise<CapturedAction> {
    const from = this.seen.length;
    const fresh = () => this.seen.slice(from).filter((r) => !this.background.has(r.headers()["next-action"]!));
    // Armed until the step's request has been seen: it may leave a moment after the click returns.
    this.armed = true;
    try {
      await step();
      await expect.poll(() => fresh().length, { message: `the page sent a server action for "${label}"` }).toBeGreaterThan(0);
    } finally {
      this.armed = false;
    }
    const request = fresh()[0]!;
    await expect.poll(() => this.bodies.has(request), { message: `the answer to "${label}"` }).toBe(true);
    const text = this.bodies.get(request)!;
    return {
      label,
      url: request.url(),
      headers: replayable(request.headers()),
      body: request.postData() ?? "",
      result: parseActionResult(text),
      responseText: text,
    };
  }
}

/** Sends a captured action again from `request`'s context (its cookies, not the page's). */
export async function replayAction(
  request: APIRequestContext,
  action: CapturedAction,
  overrides: { body?: string } = {},
): Promise<{ status: number; text: string; result: ActionResult | null }> {
  const origin = new URL(action.url).origin;
  const response = await request.post(action.url, {
    headers: { ...action.headers, origin },
    data: overrides.body ?? action.body,
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), text, result: parseActionResult(text) };
}
