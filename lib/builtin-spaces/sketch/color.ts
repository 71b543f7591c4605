import "server-only";

// Colour arithmetic on #rrggbb strings.

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  const channel = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function mix(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  return toHex([ca[0] + (cb[0] - ca[0]) * t, ca[1] + (cb[1] - ca[1]) * t, ca[2] + (cb[2] - ca[2]) * t]);
}

/** Surface colour under a light: channel-wise product, with `gain` to keep mid-tones bright. */
export function multiply(surface: string, light: string, gain = 1): string {
  const s = parseHex(surface);
  const l = parseHex(light);
  return toHex([(s[0] * l[0] * gain) / 255, (s[1] * l[1] * gain) / 255, (s[2] * l[2] * gain) / 255]);
}

export function scale(hex: string, factor: number): string {
  const [r, g, b] = parseHex(hex);
  return toHex([r * factor, g * factor, b * factor]);
}

/** Shifts hue-neutrally by adding `amount` (-255…255) to every channel. */
export function shift(hex: string, dr: number, dg: number, db: number): string {
  const [r, g, b] = parseHex(hex);
  return toHex([r + dr, g + dg, b + db]);
}

/**
 * Lifts a colour until its luminance reaches `min`: the image-to-3D step segments the subject
 * from pure black, so no subject pixel may sink near black, not even "at night".
 */
export function atLeast(hex: string, min: number): string {
  let current = hex;
  for (let i = 0; i < 8 && luminance(current) < min; i++) {
    const lum = luminance(current);
    current = lum > 8 ? scale(current, Math.min(3, (min + 2) / lum)) : mix(current, "#5a5a66", 0.5);
    if (luminance(current) < min) current = mix(current, "#9a9aa6", 0.25);
  }
  return current;
}

/** Hue in degrees, saturation and lightness 0…1. */
export function hsl(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}
