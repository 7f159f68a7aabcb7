// What `generate` prints about a run, from a result written by hand: the summary line per mode
// and job, and the files check and dry-run list.
import { describe, expect, it } from "vitest";
import { jobDetails, plannedFiles, summaryLine } from "../../src/commands/generate-report.js";
import type { GenerateResult, JobResult, LanguageResult } from "../../src/api/generate.js";
import type { Model } from "../../src/ir/types.js";

const lang = (name: string, files: Partial<Pick<LanguageResult, "added" | "changed" | "deleted" | "upToDate">> = {}): LanguageResult => {
  const added = files.added ?? [];
  const changed = files.changed ?? [];
  return { lang: name, dir: `/work/out/${name}`, upToDate: files.upToDate ?? false, written: [...added, ...changed], added, changed, unchanged: [], deleted: files.deleted ?? [] };
};
const job = (languages: LanguageResult[], extra: Partial<JobResult> = {}): JobResult => ({
  spec: "/work/spec.yaml",
  out: "/work/out",
  upToDate: false,
  languages,
  models: Array.from({ length: 20 }, () => ({}) as Model),
  ...extra,
});
const result = (mode: GenerateResult["mode"], jobs: JobResult[], durationMs = 310): GenerateResult => ({ mode, jobs, hasChanges: true, inputs: [], durationMs });

describe("summaryLine", () => {
  it.each([
    {
      name: "one job, written",
      given: result("write", [job([lang("typescript", { changed: ["Run.ts"] }), lang("rust", { upToDate: true })])]),
      want: "generated in 0.31s: typescript: 20 models, 0 added, 1 changed, 0 deleted; rust: up to date",
    },
    {
      name: "checked",
      given: result("check", [job([lang("elixir", { added: ["a.ex", "b.ex"], deleted: ["c.ex"] })])], 1234),
      want: "checked in 1.23s: elixir: 20 models, 2 added, 0 changed, 1 deleted",
    },
    {
      name: "a dry run of named jobs",
      given: result("dry-run", [job([lang("scala")], { name: "pets" }), job([lang("rust", { upToDate: true })], { name: "store" })], 5),
      want: "planned in 0.01s: pets (scala: 20 models, 0 added, 0 changed, 0 deleted), store (rust: up to date)",
    },
  ])("$name", ({ given, want }) => {
    expect(summaryLine(given)).toBe(want);
  });
});

describe("plannedFiles", () => {
  it.each([
    {
      name: "check lists stale files by kind, paths from the working folder",
      given: result("check", [job([lang("rust", { added: ["src/a.rs"], changed: ["src/lib.rs"], deleted: ["src/old.rs"] })])]),
      want: "stale added   out/rust/src/a.rs\nstale changed out/rust/src/lib.rs\nstale deleted out/rust/src/old.rs\n",
    },
    {
      name: "dry run says would write",
      given: result("dry-run", [job([lang("typescript", { added: ["Run.ts"] })])]),
      want: "would write added   out/typescript/Run.ts\n",
    },
    { name: "nothing to list", given: result("check", [job([lang("typescript")])]), want: "" },
  ])("$name", ({ given, want }) => {
    expect(plannedFiles(given, "/work")).toBe(want);
  });
});

describe("jobDetails", () => {
  it("prefixes each line with the job's name, warnings first", () => {
    const r = result("write", [
      job([lang("rust")], {
        name: "pets",
        models: undefined,
        warnings: [{ file: "overlay.yaml", line: 3, col: 5, message: "target matched nothing" }],
        changesSummary: "2 changes since the previous generation",
      }),
    ]);
    expect(jobDetails(r, false)).toBe("[pets] warning: overlay.yaml:3:5: target matched nothing\n[pets] 2 changes since the previous generation\n");
  });

  it("says when the caches could not be used, with the first line of why", () => {
    const r = result("write", [job([lang("rust")], { models: undefined, cachesDiscarded: "old.units is not iterable\n    at walk" })]);
    expect(jobDetails(r, false)).toBe(
      "warning: the cache files of this spec could not be used (old.units is not iterable); they were removed and the run made again without them (please report it)\n",
    );
  });

  it("counts the degradation report by kind unless the full report is asked for", () => {
    const report = [{ kind: "not" }, { kind: "if" }, { kind: "not" }] as unknown as JobResult["report"];
    const text = jobDetails(result("write", [job([lang("rust")], { models: undefined, report })]), false);
    expect(text).toBe("degradation report: 1 if, 2 not (--report lists them; `openapi-modelgen ir` shows the IR)\n");
  });
});
