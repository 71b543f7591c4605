// Sizes in messages people read (validation refusals, limits): one spelling everywhere.

/** `n` bytes as mebibytes with one decimal, e.g. "50.0 MB". */
export function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
