import type { Page } from "@playwright/test";

/**
 * Collects what must stay empty on a healthy page: console errors, uncaught exceptions and Content Security
 * Policy violations (reported through the DOM's `securitypolicyviolation` event, registered before any script).
 * Console warnings are kept apart: the browser itself warns about things no page controls (software WebGL's
 * GPU stalls), so a test picks the kinds it owns.
 */
export class PageHealth {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  private constructor(readonly page: Page) {
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console: ${m.text()}`);
      else if (m.type() === "warning") this.warnings.push(m.text());
    });
    page.on("pageerror", (e) => this.errors.push(`pageerror: ${e.message}`));
  }

  static async watch(page: Page): Promise<PageHealth> {
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    return new PageHealth(page);
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  }
}

/** Exhibit models in the scene, from the gallery page's test probe (components/hall/scene-probe.tsx). */
export async function sceneProbe(page: Page): Promise<{ ready: number; expected: number; failed: number; drawCalls: number } | null> {
  return page.evaluate(() => {
    const p = (window as unknown as { __vernissage?: { readyCount(): number; expectedCount(): number; failedCount(): number; drawCalls(): number } })
      .__vernissage;
    return p ? { ready: p.readyCount(), expected: p.expectedCount(), failed: p.failedCount(), drawCalls: p.drawCalls() } : null;
  });
}
