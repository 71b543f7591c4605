import { describe, expect, it } from "vitest";
import { splatBudget } from "./splat-budget";

describe("splatBudget", () => {
  it("gives phones less than desktops, and software renderers least", () => {
    const desktop = splatBudget({ mobile: false, software: false });
    const phone = splatBudget({ mobile: true, software: false });
    const software = splatBudget({ mobile: false, software: true });
    expect(phone.lodSplatCount).toBeLessThan(desktop.lodSplatCount);
    expect(software.lodSplatCount).toBeLessThan(phone.lodSplatCount);
    expect(phone.maxStdDev).toBeLessThan(desktop.maxStdDev);
  });

  it("a 12-exhibit gallery of 262k-Gaussian splats needs LoD on every device", () => {
    for (const facts of [{ mobile: false, software: false }, { mobile: true, software: false }]) {
      const b = splatBudget(facts);
      expect(12 * 262_144).toBeGreaterThan(b.lodSplatCount);
      expect(262_144).toBeGreaterThan(b.lodAbove);
    }
  });

  it("small splats (tests, previews) are drawn whole, without building LoD", () => {
    expect(splatBudget({ mobile: false, software: true }).lodAbove).toBeGreaterThanOrEqual(12_500);
  });

  it("a device with little memory gets a smaller budget", () => {
    expect(splatBudget({ mobile: true, software: false, memoryGiB: 2 }).lodSplatCount).toBeLessThan(splatBudget({ mobile: true, software: false }).lodSplatCount);
  });
});
