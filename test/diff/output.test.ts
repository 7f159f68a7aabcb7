// Output formats, --fail-on, severity overrides from the config file, target traits from the
// Target interface, the `diff` command itself, and the snapshot `generate` keeps for next time.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { diffSchemas, JUDGES, OPEN } from "./helpers.js";
import { irOfSchemas } from "../helpers/spec.js";
import { allChanges, compatOf, CONSERVATIVE_COMPAT, diffIr, failsOn, judgesFor } from "../../src/diff/index.js";
import { formatText } from "../../src/diff/format-text.js";
import { formatMarkdown } from "../../src/diff/format-markdown.js";
import { formatJson } from "../../src/diff/format-json.js";
import { loadConfig } from "../../src/config.js";
import { UsageError } from "../../src/common/errors.js";
import { runDiff } from "../../src/commands/diff.js";
import { snapshotIr, summarizeAgainstPrevious } from "../../src/diff/snapshot.js";
import { CHECK_IDS } from "../../src/diff/checks.js";

const OLD = `
Color:
  type: string
  enum: [red, green]
Pet:
  type: object
  required: [id]
  properties:
    id: { type: integer }
    color: { $ref: "#/components/schemas/Color" }
    note: { type: string }
Gone:
  type: object
  properties:
    x: { type: string }
`;
const NEW = `
Color:
  type: string
  enum: [red, green, blue]
Pet:
  type: object
  required: [id]
  properties:
    id: { type: integer }
    color: { $ref: "#/components/schemas/Color" }
    note: { type: string, deprecated: true }
Fresh:
  type: object
  properties:
    y: { type: string }
`;

describe("output", () => {
  const r = diffSchemas(OLD, NEW);

  it("text: counts first, then models worst first, verdicts per language where they differ", () => {
    const text = formatText(r, { oldLabel: "old.yaml", newLabel: "new.yaml" });
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual(["old.yaml (T 1) -> new.yaml (T 1)", "4 changes: 2 breaking, 0 warning, 2 info", "models: 1 added, 1 removed, 0 renamed, 2 changed"]);
    expect(text).toContain('Color\n  breaking value added: "blue" [enum-value-added]\n           responses: breaking for closed; safe for open; requests: safe');
    expect(text.indexOf("Gone (removed)")).toBeLessThan(text.indexOf("Pet\n"));
    expect(text).toContain("added models (1):\n  Fresh\n");
    expect(formatText(r)).toBe(formatText(diffSchemas(OLD, NEW))); // deterministic
  });

  it("markdown: a table grouped by model, pipes escaped, added models folded", () => {
    const md = formatMarkdown(r, { oldLabel: "old.yaml", newLabel: "new.yaml" });
    expect(md).toContain("**4 changes: 2 breaking, 0 warning, 2 info** (models: 1 added, 1 removed, 0 renamed, 2 changed)");
    expect(md).toContain("| Model | Where | Change | Severity | Responses | Requests |");
    expect(md).toContain('| **Color** |  | value added: "blue" <sub>enum-value-added</sub> | breaking | breaking for closed; safe for open | safe |');
    expect(md).toContain("<details><summary>Models with information only (1)</summary>\n\n| Model | Where | Change | Severity | Responses | Requests |\n|---|---|---|---|---|---|\n| **Pet** | `note` | deprecated <sub>deprecated</sub> | info | safe | safe |\n\n</details>");
    expect(md).toContain("<details><summary>Added models (1)</summary>\n\n`Fresh`\n\n</details>");
    const withPipe = formatMarkdown(diffSchemas(`A:\n  type: object\n  properties:\n    x: { type: string }\n`, `A:\n  type: object\n  properties:\n    x: { type: string }\n    y: { type: [string, "null"] }\n`));
    expect(withPipe).toContain("optional field added: string \\| null");
  });

  it("json: every change with its verdict per language", () => {
    const json = JSON.parse(formatJson(r));
    expect(json.counts).toEqual(r.counts);
    expect(json.languages).toEqual(["open", "closed"]);
    const color = json.groups.find((g: { name: string }) => g.name === "Color").changes[0];
    expect(color).toMatchObject({ check: "enum-value-added", severity: "breaking", values: ["blue"], response: { open: "safe", closed: "breaking" }, request: { open: "safe", closed: "safe" } });
  });

  it("--fail-on: breaking and warning thresholds", () => {
    expect(failsOn(r, "breaking")).toBe(true);
    const mild = diffSchemas(OLD, OLD.replace("note: { type: string }", "note: { type: string, deprecated: true }"));
    expect(failsOn(mild, "breaking")).toBe(false);
    expect(failsOn(mild, "warning")).toBe(false);
    const warn = diffSchemas(OLD, OLD.replace("note: { type: string }", "note: { type: string, default: x }"));
    expect(failsOn(warn, "breaking")).toBe(false);
    expect(failsOn(warn, "warning")).toBe(true);
  });

  it("severity overrides replace a check's level whatever the verdicts", () => {
    const o = diffSchemas(OLD, NEW, { "enum-value-added": "info", "model-removed": "warning" });
    expect(allChanges(o).map((c) => [c.check, c.severity])).toEqual([
      ["model-removed", "warning"],
      ["enum-value-added", "info"],
      ["model-added", "info"],
      ["deprecated", "info"],
    ]);
    expect(o.counts).toMatchObject({ breaking: 0, warning: 1, info: 3 });
  });
});

describe("config: diff.severity", () => {
  const project = (config: unknown) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-"));
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify(config));
    return dir;
  };

  it("reads per-check levels", () => {
    const { config } = loadConfig(project({ diff: { severity: { "enum-value-added": "info", deprecated: "warning" } } }), undefined, ["typescript"]);
    expect(config.diff.severity).toEqual({ "enum-value-added": "info", deprecated: "warning" });
    expect(loadConfig(project({}), undefined, ["typescript"]).config.diff).toEqual({ severity: {} });
  });

  it("rejects unknown check ids, levels and keys", () => {
    expect(() => loadConfig(project({ diff: { severity: { "enum-valu-added": "info" } } }), undefined, [])).toThrow(/diff\.severity: unknown key "enum-valu-added" \(known: model-added, /);
    expect(() => loadConfig(project({ diff: { severity: { deprecated: "error" } } }), undefined, [])).toThrow(UsageError);
    expect(() => loadConfig(project({ diff: { failOn: "breaking" } }), undefined, [])).toThrow(/unknown setting "failOn"/);
    expect(() => loadConfig(project({ diff: [] }), undefined, [])).toThrow(UsageError);
  });

  it("every check id is documented in the catalog", () => {
    expect(CHECK_IDS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
  });
});

describe("target traits", () => {
  it("a target without compat is judged conservatively; a declared trait wins; options can decide", () => {
    expect(compatOf({})).toEqual(CONSERVATIVE_COMPAT);
    expect(compatOf({ compat: { enumUnknownFallback: true } })).toEqual({ ...CONSERVATIVE_COMPAT, enumUnknownFallback: true });
    const byOption = { compat: (o: Record<string, unknown>) => ({ enumUnknownFallback: o.openEnums !== false }) };
    expect(compatOf(byOption).enumUnknownFallback).toBe(true);
    expect(compatOf(byOption, { openEnums: false }).enumUnknownFallback).toBe(false);
  });

  it("the same change is judged per language from the traits", () => {
    const enumOpen = { name: "lenient", compat: { enumUnknownFallback: true } };
    const r = diffIr(irOfSchemas(`E:\n  type: string\n  enum: [a, b]\n`), irOfSchemas(`E:\n  type: string\n  enum: [a, b, c]\n`), { judges: judgesFor([enumOpen, { name: "strict" }]) });
    expect(allChanges(r)[0]!.responseBy).toEqual({ lenient: "safe", strict: "breaking" });
  });
});

describe("the diff command", () => {
  afterEach(() => vi.restoreAllMocks());
  const specs = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-diff-cmd-"));
    const wrap = (s: string) => `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${s.replace(/^\n/, "").replace(/^(?=.)/gm, "    ")}`;
    writeFileSync(path.join(dir, "old.yaml"), wrap(OLD));
    writeFileSync(path.join(dir, "new.yaml"), wrap(NEW));
    // Elixir's enums closed, so a new enum value breaks decoding somewhere (every target keeps unknown values by default).
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ diff: { severity: { "model-removed": "info" } }, elixir: { openEnums: false } }));
    return dir;
  };
  const capture = () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => {
      out += String(s);
      return true;
    });
    return () => out;
  };

  it("prints text, markdown or json, and --fail-on decides the exit code", () => {
    const dir = specs();
    let out = capture();
    expect(runDiff(["old.yaml", "new.yaml"], dir)).toBe(0);
    expect(out()).toMatch(/^old\.yaml \(T 1\) -> new\.yaml \(T 1\)\n4 changes: /);
    expect(out()).toContain("Gone (removed)\n  info     model removed"); // the config's override
    vi.restoreAllMocks();
    out = capture();
    expect(runDiff(["old.yaml", "new.yaml", "--format", "markdown", "--fail-on", "breaking"], dir)).toBe(1);
    expect(out()).toContain("| Model | Where |");
    vi.restoreAllMocks();
    out = capture();
    expect(runDiff(["old.yaml", "new.yaml", "--format", "json", "--lang", "typescript"], dir)).toBe(0);
    expect(JSON.parse(out()).languages).toEqual(["typescript"]);
  });

  it("usage errors: two specs, known formats and levels", () => {
    const dir = specs();
    expect(() => runDiff(["old.yaml"], dir)).toThrow(UsageError);
    expect(() => runDiff(["old.yaml", "new.yaml", "--format", "html"], dir)).toThrow(/--format/);
    expect(() => runDiff(["old.yaml", "new.yaml", "--fail-on", "info"], dir)).toThrow(/--fail-on/);
    expect(() => runDiff(["old.yaml", "new.yaml", "--lang", "cobol"], dir)).toThrow(/unknown language/);
  });
});

describe("snapshot for generate", () => {
  it("a stored snapshot gives the same diff as the full IR, and nothing when there is none", () => {
    const a = irOfSchemas(OLD);
    const b = irOfSchemas(NEW);
    const stored = JSON.parse(JSON.stringify(snapshotIr(a)));
    const summary = summarizeAgainstPrevious(stored, b, { judges: JUDGES })!;
    expect(summary.result).toEqual(diffIr(a, b, { judges: JUDGES }));
    expect(summary.text).toBe("model changes since the last generation: 4 changes: 2 breaking, 0 warning, 2 info; models: 1 added, 1 removed, 0 renamed, 2 changed (details: openapi-modelgen diff)\n");
    expect(summarizeAgainstPrevious(undefined, b, { judges: JUDGES })).toBeUndefined();
    expect(summarizeAgainstPrevious({ snapshotVersion: 99 }, b, { judges: JUDGES })).toBeUndefined();
    expect(summarizeAgainstPrevious(snapshotIr(b), b, { judges: JUDGES })).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain("source");
  });

  it("keeps what the diff reads: deprecations, defaults, constraints", () => {
    const s = snapshotIr(irOfSchemas(`A:\n  type: object\n  properties:\n    x: { type: string, deprecated: true, default: q, maxLength: 3, description: long words }\n`));
    expect(s.models).toEqual([{ id: "#/components/schemas/A", nameHint: ["A"], kind: "object", fields: [{ name: "x", type: { kind: "primitive", type: "string", constraints: { maxLength: 3 } }, required: false, default: "q", docs: { deprecated: true } }] }]);
  });
});

void OPEN;
