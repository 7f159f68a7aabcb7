// Incremental regeneration (src/emit/reuse.ts) gives the bytes of a cold run. For each spec edit,
// a folder generated from the old spec and then regenerated from the edited one must equal a fresh
// folder generated from the edited spec, file for file, in all four languages (the manifest, the
// IR snapshot and the record of each model's inputs included). Each row also says whether the
// previous run's files may be kept at all, so a cache that never keeps anything fails too.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll, headerLines, type GenerateRequest, type TargetOutcome } from "../../src/pipeline.js";
import { TARGETS } from "../../src/targets/registry.js";
import { loadTemplates } from "../../src/render/templates.js";
import type { IrDocument } from "../../src/ir/types.js";
import { irOf, REPO, withoutPositions } from "../helpers/generate.js";
import { summarizeAgainstPrevious } from "../../src/diff/snapshot.js";
import { judgesFor } from "../../src/diff/compat.js";
import { readTree } from "../helpers/tree.js";
import { Timings } from "../../src/timings.js";

const LANGS = ["typescript", "rust", "elixir", "scala"];

interface Edit {
  name: string;
  /** The edited text of spec/openapi.yaml. */
  spec: (text: string) => string;
  /** Settings of the second run (the first uses the defaults). */
  settings?: Partial<GenerateRequest>;
  /** Whether some models' files are kept from the previous run (false when a global input changed). */
  keeps: boolean;
}

/** `text` with `from` replaced once; fails when `from` is not there, so an edit cannot silently do nothing. */
function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not in the spec`);
  return text.replace(from, to);
}

const EDITS: Edit[] = [
  {
    name: "a field added",
    spec: (t) =>
      replaced(
        t,
        "        total_tokens:\n",
        "        cached_tokens:\n          type: integer\n          description: Tokens read from the cache.\n        total_tokens:\n",
      ),
    keeps: true,
  },
  {
    name: "a model renamed",
    spec: (t) =>
      replaced(t, "    Usage:\n", "    TokenUsage:\n").replaceAll('"#/components/schemas/Usage"', '"#/components/schemas/TokenUsage"'),
    keeps: true,
  },
  {
    name: "an enum value added",
    spec: (t) => replaced(t, "incomplete, expired]", "incomplete, expired, paused]"),
    keeps: true,
  },
  {
    name: "a model removed",
    spec: (t) => replaced(t, "    Anything:\n      description: Any JSON value.\n", ""),
    keeps: true,
  },
  {
    name: "a $ref target changed",
    spec: (t) =>
      replaced(
        t,
        '        metadata:\n          $ref: "#/components/schemas/Metadata"\n        usage:',
        '        metadata:\n          $ref: "#/components/schemas/FreeForm"\n        usage:',
      ),
    keeps: true,
  },
  // Edits that change names without changing any setting: the type names kept in the units file
  // (src/emit/reuse.ts) must not be used, and field and member names follow each model's content.
  {
    name: "a model added whose name takes an existing one's (that one and its users are renamed)",
    spec: (t) =>
      replaced(
        t,
        "    Metadata:\n",
        "    METADATA:\n      type: string\n      description: Sorts before Metadata and names the same.\n    Metadata:\n",
      ),
    keeps: true,
  },
  {
    name: "a model added whose name takes an operation's response model's (the operation indexes change)",
    spec: (t) =>
      replaced(t, "    Run:\n", "    RUN:\n      type: integer\n      description: Sorts before Run and names the same.\n    Run:\n"),
    keeps: true,
  },
  // The operation indexes are keyed by what their parts resolve to (types, the params' notes), not by
  // their views: edits that change those and not the operations themselves.
  {
    name: "a parameter added (Rust's operation index says where an operation's parameters go)",
    spec: (t) =>
      replaced(
        t,
        "      operationId: listRunSteps\n      parameters:\n",
        "      operationId: listRunSteps\n      parameters:\n        - { name: limit, in: query, schema: { type: integer } }\n",
      ),
    keeps: true,
  },
  {
    name: "a response model made nullable (the operation indexes write it so)",
    spec: (t) => replaced(t, "    Run:\n      type: object\n", "    Run:\n      type: object\n      nullable: true\n"),
    keeps: true,
  },
  {
    name: "a union variant's type changed (its name follows)",
    spec: (t) => replaced(t, "      type: [string, number]\n", "      type: [string, integer]\n"),
    keeps: true,
  },
  {
    name: "enum members given names of their own",
    spec: (t) =>
      replaced(
        t,
        "      x-enum-descriptions: [lowest, low, high, urgent]\n",
        "      x-enum-descriptions: [lowest, low, high, urgent]\n      x-enum-varnames: [Lowest, Low, High, Urgent]\n",
      ),
    keeps: true,
  },
  // A type extended through allOf is a union of what extends it, which its own text does not list.
  {
    name: "a subtype added to a type with a discriminator (that type's union gains a variant)",
    spec: (t) =>
      replaced(
        t,
        "    UrlCitation:\n",
        '    NoteCitation:\n      allOf:\n        - $ref: "#/components/schemas/Annotation"\n    UrlCitation:\n',
      ),
    keeps: true,
  },
  {
    name: "a discriminator's mapping changed (a subtype's tag follows it)",
    spec: (t) => replaced(t, '          file_citation: "#/components/schemas/FileCitation"\n', '          file: "#/components/schemas/FileCitation"\n'),
    keeps: true,
  },
  {
    name: "a model and a field renamed by the settings",
    spec: (t) => t,
    settings: { shape: { rename: { models: { Cursor: "PageCursor" }, fields: { "Cursor.next": "following" } } } },
    keeps: false,
  },
  {
    // TypeScript then renders every file (its names still go through the previous run's units file); the others keep theirs.
    name: "a field added and TypeScript's validators turned on",
    spec: (t) => replaced(t, "            next:\n", "            note:\n              type: string\n            next:\n"),
    settings: { targetOptions: { typescript: { validators: "zod" } } },
    keeps: true,
  },
  {
    name: "the presence setting changed",
    spec: (t) => t,
    settings: { presence: "strict" },
    keeps: false,
  },
  {
    name: "a target option changed",
    spec: (t) => t,
    settings: {
      targetOptions: {
        rust: { crateName: "runs_models" },
        elixir: { namespace: "Runs" },
        scala: { package: "com.example.runs" },
        typescript: { int64: "bigint" },
      },
    },
    keeps: false,
  },
  {
    name: "the spec's version changed (in every file header)",
    spec: (t) => replaced(t, "\n  version: 1.0.0\n", "\n  version: 9.9.9\n"),
    keeps: false,
  },
];

/** A folder with the project's spec/ copied in; outputs go beside it, so relative spec paths agree. */
function workspace(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-incremental-"));
  cpSync(path.join(REPO, "spec"), path.join(root, "spec"), { recursive: true });
  return root;
}

function request(root: string, out: string): GenerateRequest {
  return {
    spec: path.join(root, "spec/openapi.yaml"),
    specLabel: "spec/openapi.yaml",
    langs: LANGS,
    out: path.join(root, out),
    presence: "lenient",
    targetOptions: {},
    mode: "write",
    // The regenerated folder's runs read the spec through the caches (src/common/cache-files.ts: YAML
    // leaves, the normalizer's state), which regenerations keep; cold folders never do: equal bytes
    // show no result depends on them.
    ...(out === "incremental" ? { cacheDir: path.join(root, "cache") } : {}),
  };
}

async function generate(root: string, out: string, settings: Partial<GenerateRequest> = {}): Promise<TargetOutcome[]> {
  return (await generateAll({ ...request(root, out), ...settings })).outcomes;
}

const kept = (outcomes: TargetOutcome[]) => outcomes.reduce((n, o) => n + (o.units?.kept ?? 0), 0);

/**
 * Every edit applied in turn, each regeneration of the previous one's folder compared with a cold
 * run of the same spec; returns what --timings would print of each regeneration.
 */
async function everyEditInTurn(): Promise<string[]> {
  const root = workspace();
  await generate(root, "incremental");
  const specFile = path.join(root, "spec/openapi.yaml");
  const printed: string[] = [];
  for (const [i, edit] of EDITS.entries()) {
    writeFileSync(specFile, edit.spec(readFileSync(specFile, "utf8")));
    const timings = new Timings();
    await generate(root, "incremental", { ...edit.settings, timings });
    printed.push(timings.format());
    await generate(root, `cold-${i}`, edit.settings);
    expect(readTree(path.join(root, "incremental")), edit.name).toEqual(readTree(path.join(root, `cold-${i}`)));
  }
  return printed;
}

describe("incremental regeneration gives the bytes of a cold run", () => {
  it.each(EDITS)("after $name", async (edit) => {
    const root = workspace();
    await generate(root, "incremental");
    // A regeneration (here after a comment was added) keeps the caches, which the edited run reads.
    const specFile = path.join(root, "spec/openapi.yaml");
    writeFileSync(specFile, `${readFileSync(specFile, "utf8")}# touched\n`);
    await generate(root, "incremental");
    expect(readdirSync(path.join(root, "cache")).length).toBeGreaterThan(0);
    const before = readTree(path.join(root, "incremental"));
    writeFileSync(specFile, edit.spec(readFileSync(specFile, "utf8")));

    const outcomes = await generate(root, "incremental", edit.settings);
    await generate(root, "cold", edit.settings);
    const after = readTree(path.join(root, "incremental"));
    expect(after).toEqual(readTree(path.join(root, "cold")));
    // The edit changed some generated source file (not only the bookkeeping beside them).
    expect(Object.keys(after).some((p) => !p.includes("/.modelgen-") && after[p] !== before[p])).toBe(true);
    if (edit.keeps) expect(kept(outcomes)).toBeGreaterThan(0);
    else expect(kept(outcomes)).toBe(0);
  });

  it("after every edit in turn, each regenerating the previous one's folder", async () => {
    await everyEditInTurn();
  });

  it("after every edit in turn, with the stat worker reading the previous run's files ahead (MODELGEN_WORKERS=1)", async () => {
    // The worker reads the normalizer's state, the IR snapshot, the element hashes and the units
    // files while the run parses the spec (common/read-ahead.ts); what it has read by the time each
    // is needed is taken, the rest read from the disk: the bytes must be a cold run's either way.
    const setting = process.env.MODELGEN_WORKERS;
    process.env.MODELGEN_WORKERS = "1";
    try {
      const printed = await everyEditInTurn();
      // Which files arrive in time is the machine's business; that some did, over 16 regenerations, shows the path ran.
      expect(printed.some((p) => /read ahead: \d+ files of the previous run/.test(p))).toBe(true);
    } finally {
      if (setting === undefined) delete process.env.MODELGEN_WORKERS;
      else process.env.MODELGEN_WORKERS = setting;
    }
  });

  it("renders a kept model's file again when it was edited by hand or deleted", async () => {
    const root = workspace();
    await generate(root, "incremental");
    // Cursor and SortOrder do not reach Usage: their files would be kept after the edit below.
    writeFileSync(path.join(root, "incremental/typescript/Cursor.ts"), "// edited by hand\n");
    const rustFiles = readdirSync(path.join(root, "incremental/rust/src"));
    const sortOrder = rustFiles.find((f) => f === "sort_order.rs");
    expect(sortOrder).toBeDefined();
    writeFileSync(path.join(root, "incremental/rust/src/sort_order.rs"), "");
    const specFile = path.join(root, "spec/openapi.yaml");
    writeFileSync(specFile, EDITS[0]!.spec(readFileSync(specFile, "utf8")));
    const outcomes = await generate(root, "incremental");
    await generate(root, "cold");
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    expect(kept(outcomes)).toBeGreaterThan(0);
  });
});

describe("a spec with CRLF line breaks (saved on Windows, or checked out with autocrlf)", () => {
  it("generates what its LF text does, and regenerates after an edit as a cold run does", async () => {
    const root = workspace();
    const specFile = path.join(root, "spec/openapi.yaml");
    await generate(root, "lf");
    writeFileSync(specFile, readFileSync(specFile, "utf8").replaceAll("\n", "\r\n"));
    await generate(root, "incremental");
    // The manifests fingerprint the spec's bytes: every other file is the same.
    const sourcesOf = (tree: Record<string, string>) =>
      Object.fromEntries(Object.entries(tree).filter(([p]) => !p.endsWith(".modelgen-manifest.json")));
    expect(sourcesOf(readTree(path.join(root, "incremental")))).toEqual(sourcesOf(readTree(path.join(root, "lf"))));
    writeFileSync(specFile, `${readFileSync(specFile, "utf8")}# touched\r\n`);
    await generate(root, "incremental");
    writeFileSync(specFile, EDITS[0]!.spec(readFileSync(specFile, "utf8").replaceAll("\r\n", "\n")).replaceAll("\n", "\r\n"));
    const outcomes = await generate(root, "incremental");
    await generate(root, "cold");
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    expect(kept(outcomes)).toBeGreaterThan(0);
  });
});

describe("the summary of model changes read from the snapshot's text is the parsed snapshot's", () => {
  // generate reads the previous snapshot model by model (src/diff/snapshot-text.ts); here the whole file is parsed.
  it.each(EDITS)("after $name", async (edit) => {
    const root = workspace();
    await generate(root, "incremental");
    // A regeneration records the snapshot's content hashes, which the edited run takes (emit/element-hashes.ts).
    const specFile = path.join(root, "spec/openapi.yaml");
    writeFileSync(specFile, `${readFileSync(specFile, "utf8")}# touched\n`);
    await generate(root, "incremental");
    expect(readdirSync(path.join(root, "cache")).some((f) => f.startsWith("snapshot-hashes-"))).toBe(true);
    const previous = JSON.parse(readFileSync(path.join(root, "incremental/typescript/.modelgen-ir.json"), "utf8"));
    writeFileSync(specFile, edit.spec(readFileSync(specFile, "utf8")));
    const settings = { ...edit.settings, cacheDir: path.join(root, "cache") };
    const result = await generateAll({ ...request(root, "incremental"), ...settings });
    const chosen = TARGETS.filter((t) => LANGS.includes(t.name));
    const want = summarizeAgainstPrevious(previous, result.ir!, { judges: judgesFor(chosen, settings.targetOptions ?? {}) });
    expect(result.changesSincePrevious).toEqual(want?.text);
    expect(result.changes).toEqual(want?.result);
  });
});

/** The IR with every model's and field's source position moved, as one added line above them would. */
function movedSources(ir: IrDocument): IrDocument {
  const move = <T extends { source: { line: number } }>(x: T): T => ({ ...x, source: { ...x.source, line: x.source.line + 1000 } });
  return { ...ir, models: ir.models.map((m) => (m.kind === "object" ? { ...move(m), fields: m.fields.map(move) } : move(m))) };
}

/** `lang`'s files for `doc` (spec/openapi.yaml's IR, changed or not), as generate renders them. */
function renderedBy(lang: string): (doc: IrDocument) => ReturnType<(typeof TARGETS)[number]["generate"]> {
  const target = TARGETS.find((t) => t.name === lang)!;
  return (doc) =>
    target.generate({
      ir: doc,
      templates: loadTemplates(lang),
      header: headerLines(doc, "spec/openapi.yaml"),
      options: {},
      presence: "lenient",
    });
}

describe("the keys leave source positions out, so no target may print them", () => {
  it.each(LANGS)("%s renders the same files when every source position moves", async (lang) => {
    const ir = irOf(path.join(REPO, "spec/openapi.yaml"));
    const render = renderedBy(lang);
    expect(await render(movedSources(ir))).toEqual(await render(ir));
  });

  // The render worker is sent the IR without them (src/threads/ir-transfer.ts).
  it.each(LANGS)("%s renders the same files with no source positions at all", async (lang) => {
    const ir = irOf(path.join(REPO, "spec/openapi.yaml"));
    const render = renderedBy(lang);
    expect(await render(withoutPositions(ir))).toEqual(await render(ir));
  });
});

/** Rewrites a bookkeeping file of a folder and, when `relist`, the manifest's hash of it (so only the content check stands in the way). */
function replaceListed(dir: string, file: string, contents: string, relist: boolean): void {
  writeFileSync(path.join(dir, file), contents);
  if (!relist) return;
  const manifestFile = path.join(dir, ".modelgen-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  manifest.files[file] = createHash("sha256").update(contents).digest("hex");
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
}

/** Replaces the names record of the units file in `dir` (relisted in the manifest). */
function editNames(
  dir: string,
  edit: (names: { inputs: string; types: string[]; ids: { shared: number[]; rest: string[] } }) => Record<string, unknown>,
): void {
  const file = path.join(dir, ".modelgen-units.json");
  const units = JSON.parse(readFileSync(file, "utf8"));
  expect(units.names.ids.rest).toHaveLength(units.names.types.length);
  replaceListed(dir, ".modelgen-units.json", JSON.stringify({ ...units, names: edit(units.names) }), true);
}

describe("a damaged or foreign cache file is ignored, never trusted", () => {
  const UNITS = ".modelgen-units.json";
  const SNAPSHOT = ".modelgen-ir.json";
  const cases: { name: string; damage: (dir: string, stale: Record<string, string>) => void; keepsTypescript: boolean }[] = [
    { name: "units file not JSON", damage: (d) => replaceListed(d, UNITS, "{not json", false), keepsTypescript: false },
    {
      name: "units file of the wrong shape, relisted",
      damage: (d) => replaceListed(d, UNITS, '{"basis":1,"units":null}', true),
      keepsTypescript: false,
    },
    {
      name: "units whose records name no file list, relisted",
      damage: (d) => {
        const units = JSON.parse(readFileSync(path.join(d, UNITS), "utf8"));
        for (const id of Object.keys(units.units)) units.units[id].files = 7;
        replaceListed(d, UNITS, JSON.stringify(units), true);
      },
      keepsTypescript: false,
    },
    {
      name: "index file records naming another file or no file list, relisted",
      damage: (d) => {
        const units = JSON.parse(readFileSync(path.join(d, UNITS), "utf8"));
        const paths = Object.keys(units.files);
        expect(paths.length).toBeGreaterThan(0);
        for (const [i, f] of paths.entries()) units.files[f].files = i % 2 ? 7 : [paths[(i + 1) % paths.length]];
        replaceListed(d, UNITS, JSON.stringify(units), true);
      },
      keepsTypescript: true,
    },
    // Type names worked out again (their inputs' hash does not match) are compared by model id with the record's.
    {
      name: "names record without model ids, relisted",
      damage: (d) => editNames(d, (names) => ({ ...names, inputs: "stale", ids: undefined })),
      keepsTypescript: false,
    },
    {
      name: "names record giving every model another name, relisted",
      damage: (d) => editNames(d, (names) => ({ ...names, inputs: "stale", types: names.types.map((t: string) => `${t}X`) })),
      keepsTypescript: false,
    },
    {
      name: "names record whose ids are not strings, relisted",
      damage: (d) => editNames(d, (names) => ({ ...names, inputs: "stale", ids: { ...names.ids, rest: names.ids.rest.map(() => 7) } })),
      keepsTypescript: false,
    },
    // The same names under a stale hash: nothing was renamed, so the files are kept.
    {
      name: "names record with a stale hash only, relisted",
      damage: (d) => editNames(d, (names) => ({ ...names, inputs: "stale" })),
      keepsTypescript: true,
    },
    // The units file of the run before: its keys match the restored spec, but the files on disk are the edited spec's.
    {
      name: "the previous run's units file put back",
      damage: (d, stale) => replaceListed(d, UNITS, stale[UNITS]!, false),
      keepsTypescript: false,
    },
    { name: "IR snapshot not JSON", damage: (d) => replaceListed(d, SNAPSHOT, "[", false), keepsTypescript: true },
    {
      name: "IR snapshot of another spec",
      damage: (d) => replaceListed(d, SNAPSHOT, '{"snapshotVersion":1,"spec":{},"models":[]}\n', false),
      keepsTypescript: true,
    },
  ];
  it.each(cases)("$name", async (c) => {
    const root = workspace();
    const specFile = path.join(root, "spec/openapi.yaml");
    const original = readFileSync(specFile, "utf8");
    await generate(root, "incremental");
    const stale = readTree(path.join(root, "incremental/typescript"));
    writeFileSync(specFile, EDITS[0]!.spec(original));
    await generate(root, "incremental");
    c.damage(path.join(root, "incremental/typescript"), stale);
    writeFileSync(specFile, original);
    const result = await generateAll({
      spec: specFile,
      specLabel: "spec/openapi.yaml",
      langs: LANGS,
      out: path.join(root, "incremental"),
      presence: "lenient",
      targetOptions: {},
      mode: "write",
    });
    await generate(root, "cold");
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    const typescript = result.outcomes.find((o) => o.target === "typescript")!;
    expect((typescript.units?.kept ?? 0) > 0).toBe(c.keepsTypescript);
    // The summary of changes comes from a snapshot the manifest vouches for (the other languages' folders), or from none.
    expect(result.changesSincePrevious).toMatch(/: 1 change: .*models: 0 added, 0 removed, 0 renamed, 1 changed /);
  });
});

describe("a units file laid out a unit a line", () => {
  // Its records are parsed one by one as units ask (src/emit/reuse.ts, laidOutUnits): a damaged
  // line costs its own unit only, which renders again, and the bytes are still a cold run's.
  it("renders the unit of a damaged line again and keeps the others", async () => {
    const rendered = async (damage: boolean): Promise<{ kept: number; rendered: number }> => {
      const root = workspace();
      await generate(root, "incremental");
      const dir = path.join(root, "incremental/typescript");
      const lines = readFileSync(path.join(dir, ".modelgen-units.json"), "utf8").split("\n");
      // A unit that the edit below leaves alone (its file is kept without the damage).
      const at = lines.findIndex((l) => l.startsWith('"#/components/schemas/Cursor":{'));
      expect(at).toBeGreaterThan(0);
      if (damage) lines[at] = `"#/components/schemas/Cursor":{"key":${lines[at]!.endsWith(",") ? "," : ""}`;
      replaceListed(dir, ".modelgen-units.json", lines.join("\n"), true);
      const specFile = path.join(root, "spec/openapi.yaml");
      writeFileSync(specFile, EDITS[0]!.spec(readFileSync(specFile, "utf8")));
      const outcomes = await generate(root, "incremental");
      await generate(root, "cold");
      expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
      return outcomes.find((o) => o.target === "typescript")!.units!;
    };
    const intact = await rendered(false);
    const damaged = await rendered(true);
    expect(intact.kept).toBeGreaterThan(1);
    expect(damaged).toEqual({ kept: intact.kept - 1, rendered: intact.rendered + 1 });
  });
});

describe("a run asked for no summary of model changes", () => {
  it("works none out and writes the same files", async () => {
    const root = workspace();
    await generate(root, "incremental");
    const specFile = path.join(root, "spec/openapi.yaml");
    writeFileSync(specFile, EDITS[0]!.spec(readFileSync(specFile, "utf8")));
    const result = await generateAll({ ...request(root, "incremental"), summarizeChanges: false });
    expect(result.changes).toBeUndefined();
    expect(result.changesSincePrevious).toBeUndefined();
    await generate(root, "cold");
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
  });
});

describe("only the folders whose inputs changed render", () => {
  it.each([
    { name: "one language's option", settings: { targetOptions: { rust: { crateName: "runs_models" } } }, edit: undefined, want: ["rust"] },
    { name: "one folder's file edited by hand", settings: {}, edit: "elixir", want: ["elixir"] },
    {
      name: "two languages' options",
      settings: { targetOptions: { scala: { package: "com.example.runs" }, typescript: { int64: "bigint" } } },
      edit: undefined,
      want: ["scala", "typescript"],
    },
  ] as { name: string; settings: Partial<GenerateRequest>; edit?: string; want: string[] }[])("$name", async (c) => {
    const root = workspace();
    await generate(root, "incremental");
    if (c.edit) {
      const dir = path.join(root, "incremental", c.edit);
      const manifest = JSON.parse(readFileSync(path.join(dir, ".modelgen-manifest.json"), "utf8"));
      const file = Object.keys(manifest.files).find((f) => !f.startsWith(".modelgen-"))!;
      writeFileSync(path.join(dir, file), "edited by hand\n");
    }
    const inodes = (lang: string) => JSON.stringify(inodesOf(path.join(root, "incremental", lang)));
    const before = Object.fromEntries(LANGS.map((l) => [l, inodes(l)]));
    const outcomes = await generate(root, "incremental", c.settings);
    await generate(root, "cold", c.settings);
    expect(readTree(path.join(root, "incremental"))).toEqual(readTree(path.join(root, "cold")));
    expect(
      outcomes
        .filter((o) => !o.upToDate)
        .map((o) => o.target)
        .sort(),
    ).toEqual(c.want);
    // The others were not touched: every file keeps its inode and mtime.
    for (const lang of LANGS.filter((l) => !c.want.includes(l))) expect(inodes(lang), lang).toBe(before[lang]);
  });
});

/** Every file's inode and mtime under `dir`. */
function inodesOf(dir: string, rel = "", out: Record<string, string> = {}): Record<string, string> {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) inodesOf(dir, p, out);
    else {
      const st = statSync(path.join(dir, p));
      out[p] = `${st.ino} ${st.mtimeMs}`;
    }
  }
  return out;
}
