// A spec saved with CRLF line breaks or a leading byte-order mark (on Windows, or checked out by git
// with autocrlf) reads as the same spec without them: the same values, every container at the same
// line and column, errors at the same place; and by the same reader (the fast one, not js-yaml over
// the whole text, which took about twice the load's time; JSON.parse for JSON). CR line breaks
// (classic Mac OS) too: YAML reads each CR as a line break. A spec in UTF-16 or UTF-32 (YAML's other
// encodings; Windows PowerShell 5 writes UTF-16) reads as the same spec in UTF-8.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import jsyaml from "js-yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SpecSet, type SourceDocument } from "../../src/load/loader.js";
import { TextBytes } from "../../src/load/scanned-text.js";
import { SpecError } from "../../src/common/errors.js";
import { OPENAI_SPECS, REPO } from "../helpers/generate.js";
import { generateAll, type GenerateRequest } from "../../src/pipeline.js";
import { readTree } from "../helpers/tree.js";
import { encoded } from "../helpers/encoded.js";

const ROOT = "/spec/openapi.yaml";
const BOM = "\uFEFF";

function specOf(text: string, as: "bytes" | "text" = "bytes"): SpecSet {
  return new SpecSet(ROOT, () => (as === "bytes" ? new TextBytes(Buffer.from(text, "utf8")) : text));
}

/** Every mapping and sequence of `value`, depth first, with its line and column. */
function positions(specs: SpecSet, doc: SourceDocument): string[] {
  const out: string[] = [];
  const walk = (v: unknown, at: string) => {
    if (v === null || typeof v !== "object") return;
    const { line, col } = specs.locate(doc, v, undefined, at);
    out.push(`${at} ${line}:${col}`);
    for (const [k, child] of Object.entries(v)) walk(child, `${at}/${k}`);
  };
  walk(doc.value, "");
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a spec with CRLF line breaks or a byte-order mark", () => {
  it.each(OPENAI_SPECS)("reads %s as with LF ones, by the same reader, with a BOM too", (file) => {
    const lf = readFileSync(file, "utf8");
    const load = vi.spyOn(jsyaml, "load");
    const fromLf = specOf(lf);
    const byJsYaml = load.mock.calls.length;
    // The newest (3 MB) is read by the fast reader.
    if (file === OPENAI_SPECS[OPENAI_SPECS.length - 1]) expect(byJsYaml).toBe(0);
    for (const text of [lf.replaceAll("\n", "\r\n"), `${BOM}${lf}`, `${BOM}${lf.replaceAll("\n", "\r\n")}`]) {
      load.mockClear();
      const other = specOf(text);
      expect(load.mock.calls.length).toBe(byJsYaml);
      expect(other.root.value).toEqual(fromLf.root.value);
      expect(positions(other, other.root)).toEqual(positions(fromLf, fromLf.root));
    }
  });

  it("reads a JSON spec with a BOM and CRLF line breaks by JSON.parse, as without them", () => {
    const json = JSON.stringify({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {}, tags: [{ name: "é" }] }, null, 2);
    const load = vi.spyOn(jsyaml, "load");
    const specs = specOf(`${BOM}${json.replaceAll("\n", "\r\n")}\r\n`);
    expect(load).not.toHaveBeenCalled();
    expect(specs.root.value).toEqual(JSON.parse(json));
    expect(positions(specs, specs.root)).toEqual(positions(specOf(json), specOf(json).root));
  });

  it("names the line and column of a $ref that does not resolve as without them", () => {
    const lf = [
      "openapi: 3.1.0",
      "info: {title: T, version: '1'}",
      "paths: {}",
      "components:",
      "  schemas:",
      "    A:",
      "      $ref: '#/components/schemas/Missing'",
      "",
    ].join("\n");
    const where = (text: string) => {
      const specs = specOf(text);
      const a = (specs.root.value as { components: { schemas: { A: { $ref: string } } } }).components.schemas.A;
      try {
        specs.resolve(a.$ref, specs.root, a, "/components/schemas/A");
      } catch (e) {
        return (e as SpecError).location;
      }
      throw new Error("resolved");
    };
    expect(where(lf)).toMatchObject({ line: 7, col: 7 });
    for (const text of [`${BOM}${lf}`, lf.replaceAll("\n", "\r\n"), `${BOM}${lf.replaceAll("\n", "\r\n")}`]) expect(where(text)).toEqual(where(lf));
  });

  it("reads block scalars, quoted and plain scalars over several lines, and comments as js-yaml does", () => {
    const lf = [
      "openapi: 3.1.0",
      "info: {title: T, version: '1'}  # a comment  ",
      "x-text:",
      "  literal: |",
      "    one  ",
      "",
      "    two",
      "  kept: |+",
      "    tail",
      "",
      "  folded: >-",
      "    a",
      "    b",
      '  double: "first',
      "    second  ",
      "",
      '    third"',
      "  single: 'it''s",
      "    more'",
      "  plain: word   ",
      "    goes on",
      "  flow: [a,",
      "    {b: c}]",
      "paths: {}",
      "",
    ].join("\n");
    const crlf = lf.replaceAll("\n", "\r\n");
    const specs = specOf(crlf);
    expect(specs.root.value).toEqual(jsyaml.load(crlf));
    expect(specs.root.value).toEqual(jsyaml.load(lf));
    const fromLf = specOf(lf);
    expect(positions(specs, specs.root)).toEqual(positions(fromLf, fromLf.root));
  });

  it("reads a text given as a string the same way", () => {
    const lf = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\n";
    const load = vi.spyOn(jsyaml, "load");
    const specs = specOf(lf.replaceAll("\n", "\r\n"), "text");
    expect(load).not.toHaveBeenCalled();
    expect(specs.root.value).toEqual(jsyaml.load(lf));
    expect(positions(specs, specs.root)).toEqual(positions(specOf(lf), specOf(lf).root));
  });

  it("reports malformed YAML at the line and column it does without them", () => {
    const lf = "openapi: 3.1.0\ninfo:\n  title: T\n   version: '1'\npaths: {}\n";
    const where = (text: string) => {
      try {
        specOf(text);
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        const { line, col } = (e as SpecError).location as { line: number; col: number };
        return { line, col, message: (e as Error).message };
      }
      throw new Error("no error");
    };
    const fromLf = where(lf);
    expect(fromLf.line).toBe(4);
    expect(where(lf.replaceAll("\n", "\r\n"))).toEqual(fromLf);
    expect(where(`${BOM}${lf}`)).toEqual(fromLf);
  });

  it("reads CR line breaks, alone or among CRLF and LF, as js-yaml does, by the fast reader", () => {
    const text = "openapi: 3.1.0\r\ninfo:\r  title: T\r\n  version: '1'\rpaths: {}\r\nx-text: |\r  one\r\r  two\r";
    const load = vi.spyOn(jsyaml, "load");
    const specs = specOf(text);
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
    expect(specs.root.value).toEqual(jsyaml.load(text));
    const lf = text.replaceAll("\r\n", "\n").replaceAll("\r", "\n");
    expect(positions(specs, specs.root)).toEqual(positions(specOf(lf), specOf(lf).root));
  });
});

describe("a spec in UTF-16 or UTF-32", () => {
  const newest = OPENAI_SPECS[OPENAI_SPECS.length - 1]!;
  const lf = readFileSync(newest, "utf8");
  const fromUtf8 = specOf(lf);
  const rows = [
    { encoding: "utf-16le", bom: true },
    { encoding: "utf-16le", bom: false },
    { encoding: "utf-16be", bom: true },
    { encoding: "utf-32le", bom: true },
    { encoding: "utf-32be", bom: false },
  ] as const;

  it.each(rows)("reads the newest OpenAI spec in $encoding (BOM: $bom) as in UTF-8, CRLF too", ({ encoding, bom }) => {
    for (const text of [lf, lf.replaceAll("\n", "\r\n")]) {
      const specs = new SpecSet(ROOT, () => new TextBytes(encoded(text, encoding, bom)));
      expect(specs.root.value).toEqual(fromUtf8.root.value);
      expect(positions(specs, specs.root)).toEqual(positions(fromUtf8, fromUtf8.root));
    }
  });

  it("names the line and column of a YAML error as in UTF-8", () => {
    const bad = "openapi: 3.1.0\ninfo:\n  title: T\n   version: '1'\npaths: {}\n";
    const where = (read: () => TextBytes) => {
      try {
        new SpecSet(ROOT, read);
      } catch (e) {
        return (e as SpecError).location;
      }
      throw new Error("no error");
    };
    const inUtf8 = where(() => new TextBytes(Buffer.from(bad)));
    expect(inUtf8).toMatchObject({ line: 4 });
    expect(where(() => new TextBytes(encoded(bad, "utf-16le", true)))).toEqual(inUtf8);
    expect(where(() => new TextBytes(encoded(bad, "utf-32be", true)))).toEqual(inUtf8);
  });
});

describe("a project whose spec files and overlay Windows wrote (UTF-16 with a BOM, CRLF)", () => {
  it("generates what the same files in UTF-8 do, in all four languages", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-encodings-"));
    const overlay = [
      "overlay: 1.0.0",
      "info: {title: Fixes, version: '1'}",
      "actions:",
      "  - target: $.components.schemas.Usage",
      "    update: {description: Tokens used — by the run.}",
      "",
    ].join("\n");
    const request = (project: string): GenerateRequest => ({
      spec: path.join(root, project, "spec/openapi.yaml"),
      specLabel: "spec/openapi.yaml",
      langs: ["typescript", "rust", "elixir", "scala"],
      out: path.join(root, project, "out"),
      presence: "lenient",
      targetOptions: {},
      mode: "write",
      shape: { overlays: [path.join(root, project, "fix.yaml")] },
    });
    for (const project of ["utf8", "utf16"]) {
      cpSync(path.join(REPO, "spec"), path.join(root, project, "spec"), { recursive: true });
      writeFileSync(path.join(root, project, "fix.yaml"), overlay);
    }
    const rewrite = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (!e.isFile()) continue;
        const file = path.join(e.parentPath, e.name);
        writeFileSync(file, encoded(readFileSync(file, "utf8").replaceAll("\n", "\r\n"), "utf-16le", true));
      }
    };
    rewrite(path.join(root, "utf16"));
    expect(readFileSync(path.join(root, "utf16/spec/schemas/common.yaml")).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    await generateAll(request("utf8"));
    await generateAll(request("utf16"));
    // The manifests fingerprint the files' bytes: every other file is the same.
    const sources = (project: string) =>
      Object.fromEntries(Object.entries(readTree(path.join(root, project, "out"))).filter(([p]) => !p.endsWith(".modelgen-manifest.json")));
    const utf8 = sources("utf8");
    expect(Object.values(utf8).some((text) => text.includes("Tokens used — by the run."))).toBe(true);
    expect(sources("utf16")).toEqual(utf8);
  });
});
