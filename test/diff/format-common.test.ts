// The pieces every diff output format shares: verdicts in words, spec labels, the count lines and
// group titles, and which groups are listed by name only.
import { describe, expect, it } from "vitest";
import { countsLine, groupTitle, modelsLine, specLabel, splitAdded, verdictText } from "../../src/diff/format-common.js";
import type { ChangeGroup, DiffCounts, DiffResult, Verdict } from "../../src/diff/change.js";

const LANGUAGES = ["elixir", "rust", "scala", "typescript"];

describe("verdictText", () => {
  it.each<{ name: string; given: Record<string, Verdict>; want: string }>([
    { name: "safe everywhere", given: { elixir: "safe", rust: "safe", scala: "safe", typescript: "safe" }, want: "safe" },
    { name: "breaking everywhere", given: { elixir: "breaking", rust: "breaking", scala: "breaking", typescript: "breaking" }, want: "breaking" },
    {
      name: "languages differ",
      given: { elixir: "breaking", rust: "safe", scala: "breaking", typescript: "safe" },
      want: "breaking for elixir, scala; safe for rust, typescript",
    },
    { name: "languages not asked about are left out", given: { elixir: "breaking", cobol: "safe" }, want: "breaking" },
    { name: "no verdicts", given: {}, want: "safe" },
  ])("$name", ({ given, want }) => {
    expect(verdictText(given, LANGUAGES)).toBe(want);
  });
});

describe("specLabel", () => {
  it.each([
    { spec: { file: "old.yaml", openapi: "3.1.0", title: "Runs", version: "1.2" }, label: undefined, want: "old.yaml (Runs 1.2)" },
    { spec: { file: "old.yaml", openapi: "3.1.0", title: "Runs" }, label: "specs/old.yaml", want: "specs/old.yaml (Runs)" },
    { spec: { file: "new.yaml", openapi: "3.0.3" }, label: undefined, want: "new.yaml" },
  ])("$want", ({ spec, label, want }) => {
    expect(specLabel(spec, label)).toBe(want);
  });
});

const counts = (c: Partial<DiffCounts>): DiffResult => ({
  old: { file: "a.yaml", openapi: "3.1.0" },
  new: { file: "b.yaml", openapi: "3.1.0" },
  languages: LANGUAGES,
  counts: { total: 0, breaking: 0, warning: 0, info: 0, modelsAdded: 0, modelsRemoved: 0, modelsRenamed: 0, modelsChanged: 0, ...c },
  groups: [],
});

describe("count lines", () => {
  it.each([
    { given: { total: 0 }, want: "0 changes: 0 breaking, 0 warning, 0 info" },
    { given: { total: 1, warning: 1 }, want: "1 change: 0 breaking, 1 warning, 0 info" },
    { given: { total: 5, breaking: 2, warning: 1, info: 2 }, want: "5 changes: 2 breaking, 1 warning, 2 info" },
  ])("$want", ({ given, want }) => {
    expect(countsLine(counts(given))).toBe(want);
  });

  it("counts models by what happened to them", () => {
    expect(modelsLine(counts({ modelsAdded: 3, modelsRemoved: 1, modelsRenamed: 2, modelsChanged: 4 }))).toBe(
      "models: 3 added, 1 removed, 2 renamed, 4 changed",
    );
  });
});

const group = (name: string, status: ChangeGroup["status"], checks: string[] = [], oldName?: string): ChangeGroup =>
  ({
    owner: `#/${name}`,
    name,
    status,
    worst: "info",
    changes: checks.map((check) => ({ check })),
    ...(oldName ? { oldName } : {}),
  }) as ChangeGroup;

describe("groupTitle", () => {
  it.each([
    { given: group("Run", "changed"), want: "Run" },
    { given: group("Run", "added"), want: "Run (added)" },
    { given: group("Run", "removed"), want: "Run (removed)" },
    { given: group("RunObject", "renamed", [], "Run"), want: "RunObject (renamed from Run)" },
  ])("$want", ({ given, want }) => {
    expect(groupTitle(given)).toBe(want);
  });
});

describe("splitAdded", () => {
  it("lists groups that only add their model by name, sorted; keeps the rest in order", () => {
    const r: DiffResult = {
      ...counts({}),
      groups: [
        group("Zeta", "added", ["model-added"]),
        group("Run", "changed", ["field-added"]),
        group("Alpha", "added", ["model-added"]),
        group("Beta", "added", ["model-added", "field-added"]),
        group("Old", "removed", ["model-removed"]),
      ],
    };
    const { added, rest } = splitAdded(r);
    expect(added.map((g) => g.name)).toEqual(["Alpha", "Zeta"]);
    expect(rest.map((g) => g.name)).toEqual(["Run", "Beta", "Old"]);
  });
});
