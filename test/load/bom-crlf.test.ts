// A spec saved with CRLF line breaks or a leading byte-order mark (on Windows, or checked out by git
// with autocrlf) reads as the same spec without them: the same values, every container at the same
// line and column, errors at the same place; and by the same reader (the fast one, not js-yaml over
// the whole text, which took about twice the load's time; JSON.parse for JSON). A CR alone is left
// to js-yaml, which reads it as a line break too.
import { readFileSync } from "node:fs";
import jsyaml from "js-yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SpecSet, type SourceDocument } from "../../src/load/loader.js";
import { TextBytes } from "../../src/load/scanned-text.js";
import { SpecError } from "../../src/common/errors.js";
import { OPENAI_SPECS } from "../helpers/generate.js";

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

  it("leaves a text with a CR alone to js-yaml, which reads it as a line break", () => {
    const text = "openapi: 3.1.0\r\ninfo:\r  title: T\r\n  version: '1'\rpaths: {}\r\n";
    const load = vi.spyOn(jsyaml, "load");
    const specs = specOf(text);
    expect(load).toHaveBeenCalled();
    expect(specs.root.value).toEqual({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} });
  });
});
