/** One benchmark figure, printed as `name value unit` on its own line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function print(figure: Figure): void {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3).replace(/0+$/, "").replace(/\.$/, "");
  console.log(`${figure.name} ${value} ${figure.unit}`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
