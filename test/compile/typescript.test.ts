// The TypeScript output compiles under tsc --strict (noUnusedLocals, skipLibCheck: false) for
// spec/ and all eight OpenAI specs, and is Prettier-stable.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAI_SPECS, REPO, renderAsync, writeFiles } from "../helpers/generate.js";
import { formatDiagnostics, typecheck } from "./tsc.js";

const SPECS = [path.join(REPO, "spec/openapi.yaml"), ...OPENAI_SPECS];

describe.each(SPECS.map((s) => [path.relative(REPO, s), s]))("%s", (_name, spec) => {
  it("passes tsc --strict", async () => {
    const dir = writeFiles(await renderAsync(spec, "typescript"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    const roots = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
    const diags = typecheck(roots);
    expect(diags, formatDiagnostics(diags)).toEqual([]);
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

describe("Prettier is the reference", () => {
  it.each([path.join(REPO, "spec/openapi.yaml"), OPENAI_SPECS[2]!, OPENAI_SPECS[7]!].map((s) => [path.relative(REPO, s), s]))(
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
