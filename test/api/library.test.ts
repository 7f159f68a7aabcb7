// The library API (src/index.ts, what `import ... from "openapi-modelgen"` gives): structured
// results instead of printing, and typed errors that carry where the problem is.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { diff, formatDiff, generate, loadIr, LockTimeout, SpecError, UsageError } from "../../src/index.js";
import { REPO } from "../helpers/generate.js";
import { edit, tempProject } from "./fixture-project.js";

let printed: string[];
beforeEach(() => {
  printed = [];
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

describe("generate()", () => {
  it("returns files written, unchanged and deleted per language, the models, the report and the changes; prints nothing", async () => {
    const dir = tempProject();
    const first = await generate({ cwd: dir, lang: ["typescript", "rust"] });
    expect(first.mode).toBe("write");
    expect(first.hasChanges).toBe(true);
    expect(first.jobs).toHaveLength(1);
    const job = first.jobs[0]!;
    expect(job.name, "a config without jobs has one unnamed job").toBeUndefined();
    expect(job.spec).toBe(path.join(dir, "spec/openapi.yaml"));
    expect(job.languages.map((l) => l.lang)).toEqual(["typescript", "rust"]);
    const ts = job.languages[0]!;
    expect(ts.dir).toBe(path.join(dir, "generated/typescript"));
    expect(ts.added).toContain("Run.ts");
    expect(ts.written).toEqual([...ts.added, ...ts.changed].sort());
    expect(ts.unchanged).toEqual([]);
    expect(existsSync(path.join(ts.dir, "Run.ts"))).toBe(true);
    expect(job.models!.map((m) => m.id)).toContain("#/components/schemas/Run");
    expect(job.ir!.models).toBe(job.models);
    expect(Array.isArray(job.report)).toBe(true);
    expect(job.changes, "no previous generation to compare with").toBeUndefined();
    // Every file it read: the three spec files, the config candidates, the templates folder.
    for (const f of ["spec/openapi.yaml", "spec/schemas/common.yaml", "spec/schemas/function.yaml", "modelgen.config.json", "package.json"]) {
      expect(first.inputs).toContain(path.join(dir, f));
    }
    expect(first.inputs).toContain(path.join(REPO, "templates"));
    expect(printed, "the library never prints").toEqual([]);

    const again = await generate({ cwd: dir, lang: ["typescript", "rust"] });
    expect(again.hasChanges).toBe(false);
    expect(again.jobs[0]!.upToDate).toBe(true);
    expect(again.jobs[0]!.models, "nothing was parsed").toBeUndefined();
    expect(again.jobs[0]!.languages[0]!.unchanged).toEqual(expect.arrayContaining(["Run.ts", ".modelgen-manifest.json"]));
    expect(again.inputs, "an up-to-date run still lists the spec files it hashed").toContain(path.join(dir, "spec/schemas/common.yaml"));

    edit(path.join(dir, "spec/openapi.yaml"), "    Anything:\n      description: Any JSON value.\n", "");
    const checked = await generate({ cwd: dir, lang: "typescript", mode: "check" });
    expect(checked.hasChanges).toBe(true);
    expect(checked.jobs[0]!.languages[0]!.deleted).toEqual(["Anything.ts"]);
    expect(existsSync(path.join(dir, "generated/typescript/Anything.ts")), "check writes nothing").toBe(true);
    const written = await generate({ cwd: dir, lang: "typescript" });
    const after = written.jobs[0]!;
    expect(after.languages[0]!.deleted).toEqual(["Anything.ts"]);
    expect(after.languages[0]!.unchanged).toContain("Run.ts");
    expect(after.changes!.counts.modelsRemoved).toBe(1);
    expect(after.changesSummary).toMatch(/^model changes since the last generation: 1 change/);
    expect(existsSync(path.join(dir, "generated/typescript/Anything.ts"))).toBe(false);
    expect(printed).toEqual([]);
  });

  it("takes settings as an object instead of a config file", async () => {
    const dir = tempProject();
    const r = await generate({ cwd: dir, config: { lang: ["typescript"], out: "models", models: { parameters: false } } });
    expect(r.jobs[0]!.out).toBe(path.join(dir, "models"));
    expect(r.jobs[0]!.languages[0]!.added).not.toContain("GetRunParams.ts");
    expect(r.jobs[0]!.languages[0]!.added).toContain("Run.ts");
  });

  it("throws SpecError with file, line, column and pointer; nothing is written", async () => {
    const dir = tempProject();
    writeFileSync(path.join(dir, "spec/schemas/function.yaml"), "type: object\nproperties: [\n");
    const error = await generate({ cwd: dir, lang: "typescript" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const e = error as SpecError;
    expect(e.location.file).toBe("schemas/function.yaml");
    expect(e.location.line).toBeGreaterThan(1);
    expect(e.location.col).toBeGreaterThanOrEqual(1);
    expect(e.message).toMatch(/^schemas\/function\.yaml:\d+:\d+: malformed YAML/);
    expect(existsSync(path.join(dir, "generated"))).toBe(false);

    // A $ref to a missing file: located at the $ref, with its JSON pointer.
    rmSync(path.join(dir, "spec/schemas/function.yaml"));
    const missing = (await generate({ cwd: dir, lang: "typescript" }).catch((x: unknown) => x)) as SpecError;
    expect(missing).toBeInstanceOf(SpecError);
    expect(missing.location).toMatchObject({ file: "openapi.yaml", line: 352, pointer: expect.stringMatching(/function/) });
    expect(missing.detail).toContain("cannot read referenced file schemas/function.yaml");
  });

  it("throws UsageError for bad options and settings", async () => {
    const dir = tempProject();
    await expect(generate({ cwd: dir, lang: "cobol" })).rejects.toThrow(UsageError);
    await expect(generate({ cwd: dir, config: { langs: ["typescript"] } })).rejects.toThrow(/unknown setting "langs"/);
    writeFileSync(path.join(dir, "modelgen.config.json"), "{ not json");
    await expect(generate({ cwd: dir })).rejects.toThrow(/modelgen\.config\.json: malformed JSON/);
    await expect(generate({ cwd: dir, job: "x", config: false })).rejects.toThrow(UsageError);
    await expect(generate({ cwd: dir, mode: "sometimes" as "check" })).rejects.toThrow(/mode must be write, check, dry-run/);
    expect(new LockTimeout("busy")).toBeInstanceOf(Error);
  });
});

describe("loadIr()", () => {
  it("returns the IR, its models, the degradation report and every spec file read", async () => {
    const dir = tempProject();
    const loaded = await loadIr({ cwd: dir });
    expect(loaded.label).toBe("spec/openapi.yaml");
    expect(loaded.models).toBe(loaded.ir.models);
    expect(loaded.models.length).toBeGreaterThan(40);
    expect(loaded.report).toBe(loaded.ir.report);
    expect(loaded.specFiles.map((f) => path.relative(dir, f)).sort()).toEqual(["spec/openapi.yaml", "spec/schemas/common.yaml", "spec/schemas/function.yaml"]);
    const byPath = await loadIr(path.join(dir, "spec/openapi.yaml"));
    expect(byPath.models.map((m) => m.id)).toEqual(loaded.models.map((m) => m.id));
    await expect(loadIr({ cwd: dir, spec: "nope.yaml" })).rejects.toThrow(SpecError);
  });
});

describe("diff()", () => {
  it("returns each change with its severity and verdict per language", async () => {
    const dir = tempProject();
    // Beside openapi.yaml, so its references to ./schemas/* resolve too.
    writeFileSync(path.join(dir, "spec/before.yaml"), readFileSync(path.join(dir, "spec/openapi.yaml"), "utf8"));
    edit(path.join(dir, "spec/openapi.yaml"), "    Anything:\n      description: Any JSON value.\n", "");
    const outcome = await diff({ cwd: dir, old: "spec/before.yaml", new: "spec/openapi.yaml", lang: ["typescript", "elixir"] });
    expect(outcome.comparisons[0]!.oldLabel).toBe("spec/before.yaml");
    expect(outcome.comparisons).toHaveLength(1);
    const c = outcome.comparisons[0]!;
    expect(c.newLabel).toBe("spec/openapi.yaml");
    expect(c.result.languages).toEqual(["typescript", "elixir"]);
    expect(c.result.counts.modelsRemoved).toBe(1);
    const removed = c.result.groups.find((g) => g.status === "removed")!;
    expect(removed.name).toBe("Anything");
    expect(removed.changes[0]!.severity).toBe("breaking");
    expect(Object.keys(removed.changes[0]!.responseBy).sort()).toEqual(["elixir", "typescript"]);
    expect(outcome.worst).toBe("breaking");
    expect(formatDiff(c, "markdown")).toMatch(/^### Model changes: /);
    await expect(diff({ cwd: dir, old: "spec/openapi.yaml" })).rejects.toThrow(UsageError);
    expect(printed).toEqual([]);
  });
});
