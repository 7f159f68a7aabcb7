// The TypeScript output compiles under tsc --strict (noUnusedLocals, skipLibCheck: false) for
// spec/, every fixture (the petstore's operation models and `operations` index, the failure
// classes' recursive maps and nullable aliases) and all eight OpenAI specs, and is Prettier-stable.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureSpecs, OPENAI_SPECS, REPO, renderAsync, renderShaped, writeFiles } from "../helpers/generate.js";
import { CUSTOMIZED_BUILDS } from "./customized/settings.js";
import { formatDiagnostics, STRICT_OPTIONS, typecheck } from "./tsc.js";

const PETSTORE = path.join(REPO, "test/fixtures/petstore/openapi.yaml");
const FAILURE_CLASSES = path.join(REPO, "test/fixtures/failure-classes.yaml");
const SPECS = [path.join(REPO, "spec/openapi.yaml"), ...fixtureSpecs().map((f) => f.spec), ...OPENAI_SPECS];

describe.each(SPECS.map((s) => [path.relative(REPO, s), s]))("%s", (_name, spec) => {
  it("passes tsc --strict", async () => {
    const dir = writeFiles(await renderAsync(spec, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const diags = typecheck(roots);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
  }, 180_000);
});

// Issue 13: types native (the static types stay the wire types), map, overlay, rename, include.
describe.each(CUSTOMIZED_BUILDS.map((b) => [b.name, b] as const))("customized: %s", (_name, build) => {
  it("passes tsc --strict, with the user's type for the mapped model", async () => {
    const dir = writeFiles(await renderShaped(build.spec, "typescript", build.shape, { options: build.options }));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    if (build.mapsMetadata) {
      copyFileSync(path.join(REPO, "test/hosts/typescript/extra.ts"), path.join(dir, "extra.ts"));
      expect(readdirSync(dir)).not.toContain("Metadata.ts");
    }
    if (build.name === "customized_openai") copyFileSync(path.join(REPO, "test/hosts/typescript/uses.ts"), path.join(dir, "uses.ts"));
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const diags = typecheck(roots);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
  }, 180_000);
});

describe("the failure classes: recursive maps in unions, nullable aliases", () => {
  it("recursive maps are index signatures, which tsc accepts where Record<string, T> is circular", async () => {
    const dir = writeFiles(await renderAsync(FAILURE_CLASSES, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const tree = readFileSync(path.join(dir, "Tree.ts"), "utf8");
    expect(tree).toContain("export type Tree = { [key: string]: Tree } | Leaf;");
    // Only the map that leads back to its alias changes: Forest's map of arrays stays a Record.
    expect(readFileSync(path.join(dir, "Forest.ts"), "utf8")).toContain("export type Forest = Record<string, Array<Tree>>;");
    // The alias names the value; the use says null.
    expect(readFileSync(path.join(dir, "Metadata.ts"), "utf8")).toContain("export type Metadata = Record<string, string>;");
    expect(readFileSync(path.join(dir, "Holder.ts"), "utf8")).toContain("metadata: Metadata | null;");
    // The index signature is load-bearing: spelled as a Record, tsc rejects the alias.
    writeFileSync(path.join(dir, "Tree.ts"), tree.replace("{ [key: string]: Tree }", "Record<string, Tree>"));
    const broken = typecheck([path.join(dir, "Tree.ts")]).map((d) => d.message);
    expect(broken.some((m) => m.includes("circularly references itself"))).toBe(true);
  }, 180_000);
});

describe("typed sample payloads for OpenAI's RunObject and RunStepObject", () => {
  it("compile, and a wrong enum value or a missing required field does not", async () => {
    const dir = writeFiles(await renderAsync(OPENAI_SPECS[7]!, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    copyFileSync(path.join(REPO, "test/compile/payloads/openai/runs.ts"), path.join(dir, "payloads.ts"));
    const diags = typecheck([path.join(dir, "payloads.ts")]);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
    // The @ts-expect-error lines are load-bearing: without them the file must fail.
    writeFileSync(path.join(dir, "payloads.ts"), readFileSync(path.join(dir, "payloads.ts"), "utf8").replace(/\/\/ @ts-expect-error.*\n/g, ""));
    const broken = typecheck([path.join(dir, "payloads.ts")]).map((d) => d.message);
    expect(broken.some((m) => m.includes('"paused"'))).toBe(true);
    expect(broken.some((m) => m.includes("thread_id"))).toBe(true);
  }, 180_000);
});

/**
 * Type-checks a payload file beside the generated files with each `@ts-expect-error` in place,
 * then without them: the file must compile, and every line a directive marked must then fail.
 */
function checkPayloads(dir: string, payloads: string): { diags: string; marked: number; unfailed: number[] } {
  const file = path.join(dir, "payloads.ts");
  copyFileSync(payloads, file);
  const diags = formatDiagnostics(typecheck([file]));
  // Keep line numbers: each directive becomes a plain comment.
  const lines = readFileSync(file, "utf8").split("\n");
  const marked = lines.flatMap((l, i) => (l.trim().startsWith("// @ts-expect-error") ? [i + 2] : []));
  writeFileSync(file, lines.map((l) => l.replace("// @ts-expect-error", "// expected error:")).join("\n"));
  const failing = new Set(typecheck([file]).filter((d) => d.file === "payloads.ts").map((d) => d.line));
  return { diags, marked: marked.length, unfailed: marked.filter((line) => !failing.has(line)) };
}

describe("the petstore fixture: operation models and the operations index", () => {
  it("typed payloads compile, the index resolves to the same models, and wrong payloads do not compile", async () => {
    const dir = writeFiles(await renderAsync(PETSTORE, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const { diags, marked, unfailed } = checkPayloads(dir, path.join(REPO, "test/compile/payloads/petstore/operations.ts"));
    expect(diags).toBe("");
    expect(marked).toBe(4);
    expect(unfailed, "lines marked @ts-expect-error that compile without it").toEqual([]);
  }, 180_000);

  it("compiles without the DOM lib, with Blob from @types/node (Node >= 18)", async () => {
    const dir = writeFiles(await renderAsync(PETSTORE, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const nodeOnly = { ...STRICT_OPTIONS, lib: ["lib.es2022.d.ts"], types: ["node"], typeRoots: [path.join(REPO, "node_modules/@types")] };
    const diags = typecheck(roots, nodeOnly);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
    // Without the DOM lib and @types/node there is no Blob: the check above is not vacuous.
    const bare = typecheck(roots, { ...nodeOnly, types: [] }).map((d) => d.message);
    expect(bare.some((m) => m.includes("Cannot find name 'Blob'"))).toBe(true);
  }, 180_000);
});

describe("Prettier is the reference", () => {
  it.each([path.join(REPO, "spec/openapi.yaml"), PETSTORE, FAILURE_CLASSES, OPENAI_SPECS[2]!, OPENAI_SPECS[7]!].map((s) => [path.relative(REPO, s), s]))(
    "%s: Prettier changes no generated file",
    async (_name, spec) => {
      const prettier = await import("prettier");
      const files = await renderAsync(spec, "typescript");
      const unstable: string[] = [];
      for (const f of files) {
        if (!(await prettier.check(f.contents, { parser: "typescript", filepath: f.path }))) unstable.push(f.path);
      }
      expect(unstable).toEqual([]);
    },
    180_000,
  );
});
