import { describe, expect, it } from "vitest";
import { GRID_SAMPLES, layoutPlaque, RELIEF_HEIGHT } from "./layout";

describe("layoutPlaque", () => {
  it("centres the subject with plate all round, RELIEF_HEIGHT tall, at least 20% as deep as wide", () => {
    const l = layoutPlaque({ x0: 100, y0: 50, x1: 300, y1: 450 });
    expect(l.H).toBe(RELIEF_HEIGHT);
    expect(l.x0 + l.width / 2).toBeCloseTo(200, 9);
    expect(l.y0 + l.height / 2).toBeCloseTo(250, 9);
    expect(l.x0).toBeLessThan(100);
    expect(l.y0).toBeLessThan(50);
    expect(l.x0 + l.width).toBeGreaterThan(300);
    expect(l.W / l.H).toBeCloseTo(l.width / l.height, 9);
    expect(l.depth / l.W).toBeGreaterThanOrEqual(0.2);
    expect(l.plate + l.relief).toBeCloseTo(l.depth, 12);
    // The frame and the corners stay inside the margin, clear of the subject.
    const marginMetres = ((100 - l.x0) / l.width) * l.W;
    expect(l.frameWidth).toBeLessThan(marginMetres);
    expect(l.corner).toBeLessThan(marginMetres);
  });

  it("caps the aspect ratio both ways with extra plate", () => {
    const wide = layoutPlaque({ x0: 0, y0: 0, x1: 1000, y1: 50 });
    expect(wide.W / wide.H).toBeCloseTo(2, 9);
    expect(wide.depth / wide.W).toBeGreaterThanOrEqual(0.2);
    const needle = layoutPlaque({ x0: 0, y0: 0, x1: 5, y1: 500 });
    expect(needle.W / needle.H).toBeCloseTo(0.4, 9);
    expect(needle.depth / needle.W).toBeGreaterThanOrEqual(0.2);
  });

  it("bounds the grid and keeps its cells square", () => {
    for (const box of [{ x0: 0, y0: 0, x1: 512, y1: 512 }, { x0: 0, y0: 0, x1: 512, y1: 100 }, { x0: 0, y0: 0, x1: 90, y1: 512 }]) {
      const l = layoutPlaque(box);
      expect(Math.max(l.nx, l.ny)).toBe(GRID_SAMPLES);
      expect(Math.min(l.nx, l.ny)).toBeGreaterThanOrEqual(8);
      const cellX = l.W / (l.nx - 1);
      const cellY = l.H / (l.ny - 1);
      expect(Math.abs(cellX / cellY - 1)).toBeLessThan(0.05);
    }
  });
});
