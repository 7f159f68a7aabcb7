// The folders of src/ depend on each other only as the README's architecture table says, so a
// contract cannot leak back (a target importing the loader, the diff importing the registry, the
// writer and the targets importing each other) without this test saying where.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** What each part of src/ may import besides itself (a folder, or a file at the top of src/). */
const MAY_IMPORT: Record<string, string[]> = {
  common: [],
  load: ["common"],
  ir: ["common", "load", "naming/words.ts"],
  naming: ["common", "ir"],
  targets: ["common", "ir", "naming"],
  render: ["common", "ir", "targets"],
  emit: ["common", "ir", "naming", "render", "targets", "timings.ts"],
  threads: ["common", "emit", "ir", "render", "timings.ts"],
  diff: ["common", "ir", "targets"],
  examples: ["common", "ir", "load", "naming/words.ts", "targets"],
  boot: ["common"],
};

/** Parts whose imports of these are types only (erased): they use the shapes, never the code. */
const TYPES_ONLY: Record<string, string[]> = { diff: ["targets"] };

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

function relativeImports(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)"/gms)) {
    const to = path.relative(SRC, path.resolve(path.dirname(file), m[3]!.replace(/\.js$/, ".ts"))).split(path.sep).join("/");
    out.push({ from: path.relative(SRC, file).split(path.sep).join("/"), to, typeOnly: m[2] !== undefined });
  }
  return out;
}

/** The part of src/ a file belongs to: its top folder, or the file itself at the top. */
const partOf = (rel: string) => rel.split("/")[0]!;

/** Is `to` inside an allowed part (a folder, or one file named by its path)? */
const allowed = (to: string, parts: string[]) => parts.some((p) => to === p || to.startsWith(`${p}/`) || partOf(to) === p);

const imports = sourceFiles(SRC).flatMap(relativeImports);

describe("architecture: what each folder of src/ may import", () => {
  it.each(Object.entries(MAY_IMPORT).map(([part, may]) => ({ part, may })))("$part imports only $may", ({ part, may }) => {
    const outside = imports.filter((i) => partOf(i.from) === part && partOf(i.to) !== part);
    const forbidden = outside.filter((i) => !allowed(i.to, may)).map((i) => `${i.from} -> ${i.to}`);
    expect(forbidden).toEqual([]);
    const needTypes = TYPES_ONLY[part] ?? [];
    const codeImports = outside.filter((i) => !i.typeOnly && needTypes.includes(partOf(i.to))).map((i) => `${i.from} -> ${i.to}`);
    expect(codeImports).toEqual([]);
  });

  it("reads the imports (the check above sees something)", () => {
    expect(imports.some((i) => i.from === "targets/target.ts" && i.to === "ir/types.ts" && i.typeOnly)).toBe(true);
    expect(imports.some((i) => i.from === "threads/worker.ts" && i.to === "emit/output-job.ts")).toBe(true);
  });
});
