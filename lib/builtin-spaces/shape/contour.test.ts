import { describe, expect, it } from "vitest";
import { traceContours, type Loop } from "./contour";
import type { Mask } from "./mask";

function mask(rows: string[]): Mask {
  const width = rows[0]!.length;
  return { width, height: rows.length, data: Uint8Array.from(rows.join(""), (c) => (c === "#" ? 1 : 0)) };
}

/** Shoelace area with y flipped to point up, as the model sees it: positive = counter-clockwise. */
function modelArea(loop: Loop): number {
  let sum = 0;
  loop.forEach(([x, y], i) => {
    const [nx, ny] = loop[(i + 1) % loop.length]!;
    sum += x * -ny - nx * -y;
  });
  return sum / 2;
}

describe("traceContours", () => {
  it("traces the exact pixel boundary, corners included, counter-clockwise", () => {
    const loops = traceContours(mask(["......", ".####.", ".####.", ".####.", "......"]));
    expect(loops).toHaveLength(1);
    expect([...loops[0]!].sort()).toEqual([[1, 1], [1, 4], [5, 1], [5, 4]].sort());
    expect(modelArea(loops[0]!)).toBe(12);
  });

  it("gives holes the opposite winding", () => {
    const loops = traceContours(mask(["#####", "#...#", "#...#", "#####"]));
    expect(loops.map(modelArea).sort((a, b) => a - b)).toEqual([-6, 20]);
  });

  it("joins pixels that touch only at a corner into one outline", () => {
    expect(traceContours(mask(["##..", "##..", "..##", "..##"]))).toHaveLength(1);
  });

  it("simplifies a pixel staircase into a slope", () => {
    const rows = Array.from({ length: 40 }, (_, y) => "#".repeat(Math.floor(y / 2) + 1).padEnd(40, "."));
    const [loop] = traceContours(mask(rows));
    expect(loop!.length).toBeLessThan(8);
  });
});
