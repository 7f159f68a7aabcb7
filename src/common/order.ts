// Ordering that is the same on every machine: code-unit order, never the locale's collation.

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
