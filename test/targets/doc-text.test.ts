// Spec descriptions become doc comments in four syntaxes. One table of awkward descriptions and
// the lines each language keeps (a block-comment closer must not end the comment early, a Scala
// tag must not start a line), then the notes TypeScript and Rust add from the docs and the type.
import { describe, expect, it } from "vitest";
import { commentSafe, docText, type DocExtras as TsExtras } from "../../src/targets/typescript/docs.js";
import { docLines as rustLines } from "../../src/targets/rust/syntax.js";
import { docComment, type DocExtras as RustExtras } from "../../src/targets/rust/docs.js";
import { code, joinParagraphs, textLines as elixirLines } from "../../src/targets/elixir/docs.js";
import { textLines as scalaLines } from "../../src/targets/scala/docs.js";
import type { Docs, TypeExpr } from "../../src/ir/types.js";

describe("a description's lines in each language", () => {
  it.each<{ name: string; given: string; ts: string[]; rust: string[]; elixir: string[]; scala: string[] }>([
    {
      name: "trailing spaces, blank runs and outer blank lines go; indentation stays",
      given: "\nFirst line.  \n\n\n  indented\r\nlast\n\n",
      ts: ["First line.", "", "  indented", "last"],
      rust: ["First line.", "", "  indented", "last"],
      elixir: ["First line.", "", "  indented", "last"],
      scala: ["First line.", "", "  indented", "last"],
    },
    { name: "a comment closer", given: "a */ b", ts: ["a *\\/ b"], rust: ["a */ b"], elixir: ["a */ b"], scala: ["a *&#47; b"] },
    // Scala comments nest: an opener inside would need its own closer.
    { name: "a comment opener", given: "/* open", ts: ["/* open"], rust: ["/* open"], elixir: ["/* open"], scala: ["/&#42; open"] },
    { name: "a tag at the start of a line", given: "@param x", ts: ["@param x"], rust: ["@param x"], elixir: ["@param x"], scala: ["&#64;param x"] },
    { name: "only blank lines", given: "\n \n", ts: [], rust: [], elixir: [], scala: [] },
  ])("$name", ({ given, ts, rust, elixir, scala }) => {
    expect({ ts: commentSafe(given), rust: rustLines(given), elixir: elixirLines(given), scala: scalaLines(given) }).toEqual({ ts, rust, elixir, scala });
  });
});

const string = (extra: Partial<Extract<TypeExpr, { kind: "primitive" }>> = {}): TypeExpr => ({ kind: "primitive", type: "string", ...extra });

describe("notes from the docs and the type (TypeScript tags, Rust sentences)", () => {
  it.each<{ name: string; docs: Docs; extras: TsExtras & RustExtras; ts: string[]; rust: string[] }>([
    { name: "nothing", docs: {}, extras: {}, ts: [], rust: [] },
    { name: "the title when there is no description", docs: { title: "T" }, extras: {}, ts: ["T"], rust: ["/// T"] },
    { name: "deprecated", docs: { description: "D", deprecated: true }, extras: {}, ts: ["D", "", "@deprecated"], rust: ["/// D", "///", "/// Deprecated."] },
    { name: "read-only", docs: { readOnly: true }, extras: {}, ts: ["@readOnly"], rust: ["/// Read-only: sent by the server, not accepted in requests."] },
    { name: "write-only", docs: { writeOnly: true }, extras: {}, ts: ["@writeOnly"], rust: ["/// Write-only: accepted in requests, never returned."] },
    { name: "a default", docs: { description: "D" }, extras: { default: "5" }, ts: ["D", "", "@default 5"], rust: ["/// D", "///", "/// Default: `5`."] },
    { name: "a format", docs: {}, extras: { type: string({ format: "date-time" }) }, ts: ["@format date-time"], rust: ["/// Format: `date-time`."] },
    {
      name: "an int64 is a JS number",
      docs: { description: "D" },
      extras: { type: { kind: "primitive", type: "integer", format: "int64" } },
      ts: ["D", "", "@format int64 (a JS number: exact up to 2^53)"],
      rust: ["/// D", "///", "/// Format: `int64`."],
    },
    {
      name: "an int64 as bigint needs no note",
      docs: {},
      extras: { type: { kind: "primitive", type: "integer", format: "int64" }, int64: "bigint" },
      ts: ["@format int64"],
      rust: ["/// Format: `int64`."],
    },
    {
      name: "constraints, a pattern's closer made safe",
      docs: {},
      extras: { type: string({ constraints: { maxLength: 5, pattern: "^a*/" } }) },
      ts: ["@maxLength 5", "@pattern ^a*\\/"],
      rust: ["/// Constraints: max length: 5, pattern: `^a*/`."],
    },
    {
      name: "constraints of array items",
      docs: {},
      extras: { type: { kind: "array", items: string({ constraints: { minLength: 1 } }) } },
      ts: ["@items.minLength 1"],
      rust: ["/// Each item: min length: 1."],
    },
    {
      name: "where a parameter is sent, in its own paragraph",
      docs: { description: "The page." },
      extras: { parameter: { in: "query", explode: false } },
      ts: ["The page.", "", "Query parameter (explode: false)."],
      rust: ["/// The page.", "///", "/// Query parameter (explode: false)."],
    },
  ])("$name", ({ docs, extras, ts, rust }) => {
    expect({ ts: docText(docs, extras), rust: docComment(docs, extras) }).toEqual({ ts, rust });
  });

  it("names and describes enum values in TypeScript when the spec does", () => {
    const members = [{ value: 1, name: "ALPHA", description: "The first." }, { value: 2 }];
    expect(docText({ description: "Level." }, { members })).toEqual(["Level.", "", "- `1` ALPHA: The first.", "- `2`"]);
    expect(docText({}, { members: [{ value: "a" }, { value: "b" }] })).toEqual([]);
  });
});

describe("Elixir Markdown pieces", () => {
  it.each([
    { given: "a", want: "`a`" },
    { given: "a`b", want: "``a`b``" },
    { given: "`a", want: "`` `a ``" },
    { given: "b`", want: "`` b` ``" },
  ])("code($given)", ({ given, want }) => {
    expect(code(given)).toBe(want);
  });

  it.each([
    { given: [["a"], [], ["b", "c"]], want: ["a", "", "b", "c"] },
    { given: [[], ["a"]], want: ["a"] },
    { given: [[], []], want: [] },
  ])("joinParagraphs($given)", ({ given, want }) => {
    expect(joinParagraphs(...given)).toEqual(want);
  });
});
