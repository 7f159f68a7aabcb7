/** `text` in UTF-16 or UTF-32 (little- or big-endian), with a byte-order mark or not. */
export function encoded(text: string, encoding: "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be", bom: boolean): Buffer {
  const marked = (bom ? "\uFEFF" : "") + text;
  if (encoding === "utf-16le") return Buffer.from(marked, "utf16le");
  if (encoding === "utf-16be") return Buffer.from(marked, "utf16le").swap16();
  const points = [...marked].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  for (const [i, p] of points.entries()) {
    if (encoding === "utf-32le") out.writeUInt32LE(p, i * 4);
    else out.writeUInt32BE(p, i * 4);
  }
  return out;
}
