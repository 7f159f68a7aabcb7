import { describe, expect, it } from "vitest";
import { aliasLines, armLines, assignmentLines, armPatternLines, chainLines, fieldLines, implOpen, itemOpen, literalMacroLines, serdeAttr, tidy, tupleVariantLines, useList } from "../../../src/targets/rust/layout.js";
import { chooseRenameRule, RENAME_RULES } from "../../../src/targets/rust/enums.js";
import { docLines, rustFloat, rustInteger, rustIntegerOf, rustString } from "../../../src/targets/rust/syntax.js";
import { docComment } from "../../../src/targets/rust/docs.js";

// Widths below sit on rustfmt's limits (measured against rustfmt 1.9, max_width 100).
const name = (n: number, c = "A") => c + c.toLowerCase().repeat(n - 1);

describe("rustfmt-compatible layout", () => {
  it("lays out a module's const or type alias like rustfmt: flat, value on the next line, inside Option<>, flat", () => {
    const at = (width: number, prefix: string, suffix = "") => `${prefix}${"a".repeat(width - prefix.length - suffix.length)}${suffix}`;
    // 100 columns flat is kept; 101 moves the value to the next line, while that fits in 100.
    const flat = at(100 - '    pub const PATH: &str = ;'.length, '"', '"');
    expect(assignmentLines("    ", "pub const PATH: &str", flat)).toEqual([`    pub const PATH: &str = ${flat};`]);
    const next = `${flat.slice(0, -1)}a"`;
    expect(assignmentLines("    ", "pub const PATH: &str", next)).toEqual(["    pub const PATH: &str =", `        ${next};`]);
    const fits = at(100 - "        ;".length, '"', '"');
    expect(assignmentLines("    ", "pub const PATH: &str", fits)).toEqual(["    pub const PATH: &str =", `        ${fits};`]);
    const tooWide = `${fits.slice(0, -1)}a"`;
    expect(assignmentLines("    ", "pub const PATH: &str", tooWide)).toEqual([`    pub const PATH: &str = ${tooWide};`]);
    // A one-argument generic too wide for the next line breaks inside its brackets.
    const inner = at(100 - "        ,".length, "crate::A");
    expect(assignmentLines("    ", "pub type Response200", `Option<${inner}>`)).toEqual(["    pub type Response200 = Option<", `        ${inner},`, "    >;"]);
    expect(assignmentLines("    ", "pub type Response200", `Option<${inner}a>`)).toEqual([`    pub type Response200 = Option<${inner}a>;`]);
    expect(assignmentLines("    ", "pub type M", `BTreeMap<String, ${inner}>`)).toEqual([`    pub type M = BTreeMap<String, ${inner}>;`]);
  });

  it("keeps a serde attribute flat up to 70 columns of arguments", () => {
    const at70 = [`rename = "${"a".repeat(50)}"`, "default"];
    expect(at70.join(", ")).toHaveLength(70);
    expect(serdeAttr("    ", at70)).toEqual([`    #[serde(${at70.join(", ")})]`]);
    const at71 = [`rename = "${"a".repeat(51)}"`, "default"];
    expect(serdeAttr("    ", at71)).toEqual(["    #[serde(", `        ${at71[0]},`, "        default", "    )]"]);
    expect(serdeAttr("    ", [])).toEqual([]);
  });

  it("wraps a use list like rustfmt", () => {
    expect(useList("crate", ["A"])).toEqual(["use crate::A;"]);
    expect(useList("crate", ["A", "B"])).toEqual(["use crate::{A, B};"]);
    // 98 columns flat is kept, 99 is not.
    const flat98 = ["Aa", "Cc", "Dd", name(98 - "use crate::{Aa, Cc, Dd, };".length, "B")];
    expect(useList("crate", flat98)).toEqual([`use crate::{${flat98.join(", ")}};`]);
    const flat99 = ["Aa", "Cc", "Dd", name(99 - "use crate::{Aa, Cc, Dd, };".length, "B")];
    expect(useList("crate", flat99)).toEqual(["use crate::{", `    ${flat99.join(", ")},`, "};"]);
    // Several lines: each at most 99 columns.
    const many = Array.from({ length: 12 }, (_, i) => `${name(20)}${i}`);
    const lines = useList("crate", many);
    expect(lines[0]).toBe("use crate::{");
    expect(lines.at(-1)).toBe("};");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(99);
    expect(lines.slice(1, -1).join(" ").replace(/\s+/g, " ").trim()).toBe(many.map((m) => `${m},`).join(" "));
  });

  it("breaks a too-wide field after the colon", () => {
    expect(fieldLines("    ", "a", "Option<B>")).toEqual(["    pub a: Option<B>,"]);
    const type = `Option<${name(100 - "    pub f100: Option<>,".length, "B")}>`;
    expect(fieldLines("    ", "f100", type)).toEqual([`    pub f100: ${type},`]);
    expect(fieldLines("    ", "f1010", type)).toEqual(["    pub f1010:", `        ${type},`]);
    // Too wide even on its own line (long hoisted names under tolerant presence): the generic's argument goes alone.
    const wide = `Option<${name(100 - "        Option<>,".length + 1, "C")}>`;
    expect(fieldLines("    ", "r#static", wide)).toEqual(["    pub r#static: Option<", `        ${wide.slice(7, -1)},`, "    >,"]);
    const vec = `Option<Vec<${name(80, "D")}>>`;
    expect(fieldLines("    ", "items", vec)).toEqual(["    pub items: Option<", `        Vec<${name(80, "D")}>,`, "    >,"]);
    // Nothing fits: the type on the next line, as rustfmt leaves it.
    const huge = `Option<${name(100, "E")}>`;
    expect(fieldLines("    ", "x", huge)).toEqual(["    pub x:", `        ${huge},`]);
  });

  it("lays out match arms as rustfmt does", () => {
    const indent = " ".repeat(12);
    expect(armLines(indent, ['"a"'], "serde_json::from_value(value)", ".map(Self::A)")).toEqual([`${indent}"a" => serde_json::from_value(value).map(Self::A),`]);
    const long = name(35, "V");
    expect(armLines(indent, ['"container_file_citation"'], "serde_json::from_value(value)", `.map(Self::${long})`)).toEqual([
      `${indent}"container_file_citation" => {`,
      `${indent}    serde_json::from_value(value).map(Self::${long})`,
      `${indent}}`,
    ]);
    const longer = name(70, "V");
    expect(armLines(indent, ['"x"'], "serde_json::from_value(value)", `.map(Self::${longer})`)).toEqual([
      `${indent}"x" => serde_json::from_value(value)`,
      `${indent}    .map(Self::${longer}),`,
    ]);
    const pattern = `"${"p".repeat(53)}"`;
    expect(armLines(indent, [pattern], "serde_json::from_value(value)", `.map(Self::${longer})`)).toEqual([
      `${indent}${pattern} => {`,
      `${indent}    serde_json::from_value(value)`,
      `${indent}        .map(Self::${longer})`,
      `${indent}}`,
    ]);
    // An or-pattern too long for one line beside ` => {` gets one alternative per line.
    const tags = ["file_search_call", "computer_call", "computer_call_output", "web_search_call", "function_call"].map((t) => `"${t}"`);
    expect(armLines(indent, tags, "serde_json::from_value(value)", ".map(Self::Item)")).toEqual([
      `${indent}"file_search_call"`,
      `${indent}| "computer_call"`,
      `${indent}| "computer_call_output"`,
      `${indent}| "web_search_call"`,
      `${indent}| "function_call" => serde_json::from_value(value).map(Self::Item),`,
    ]);
    const fits = ['"a"', '"b"'];
    expect(armPatternLines(indent, fits)).toEqual([`${indent}"a" | "b"`]);
    const edge = [`"${"e".repeat(40)}"`, `"${"f".repeat(40)}"`]; // 12 + 87 = 99 wide: no room for ` => {`
    expect(armPatternLines(indent, edge)).toEqual([`${indent}${edge[0]}`, `${indent}| ${edge[1]}`]);
  });

  it("breaks long item heads, variants, aliases and literal macro calls", () => {
    const long = name(95, "N");
    expect(itemOpen("pub struct", "Run")).toEqual(["pub struct Run {"]);
    expect(itemOpen("pub struct", long)).toEqual([`pub struct ${long}`, "{"]);
    expect(implOpen("impl<'de> Deserialize<'de>", "Run")).toEqual(["impl<'de> Deserialize<'de> for Run {"]);
    expect(implOpen("impl<'de> Deserialize<'de>", long)).toEqual(["impl<'de> Deserialize<'de>", `    for ${long}`, "{"]);
    expect(tupleVariantLines("    ", "A", "B")).toEqual(["    A(B),"]);
    expect(tupleVariantLines("    ", name(50), name(50, "B"))).toEqual([`    ${name(50)}(`, `        ${name(50, "B")},`, "    ),"]);
    expect(aliasLines("A", "B")).toEqual(["pub type A = B;"]);
    expect(aliasLines(name(50), name(50, "B"))).toEqual([`pub type ${name(50)} =`, `    ${name(50, "B")};`]);
    expect(literalMacroLines("string_literal", "Auto", '"auto"')).toEqual(['string_literal!(Auto = "auto");']);
    const v = `"${"x".repeat(60)}"`;
    expect(literalMacroLines("string_literal", name(30), v)).toEqual(["string_literal!(", `    ${name(30)} = ${v}`, ");"]);
    expect(literalMacroLines("string_literal", name(50), v)).toEqual(["string_literal!(", `    ${name(50)} =`, `        ${v}`, ");"]);
  });

  it("breaks a too-wide call chain before its method (a tagged union arm's last variant)", () => {
    const indent = " ".repeat(16);
    const head = "serde_support::variant(value)";
    expect(chainLines(indent, head, ".map(Self::Message)")).toEqual([`${indent}${head}.map(Self::Message)`]);
    const fits = `.map(Self::${name(100 - 16 - head.length - ".map(Self::)".length)})`;
    expect(chainLines(indent, head, fits)).toEqual([`${indent}${head}${fits}`]);
    const wide = `.map(Self::${name(100 - 16 - head.length - ".map(Self::)".length + 1)})`;
    expect(chainLines(indent, head, wide)).toEqual([`${indent}${head}`, `${indent}    ${wide}`]);
  });
});

describe("enum renames", () => {
  it.each([
    { given: [["InProgress", "in_progress"], ["Queued", "queued"]], want: "snake_case" },
    { given: [["InProgress", "IN_PROGRESS"], ["Queued", "QUEUED"]], want: "SCREAMING_SNAKE_CASE" },
    { given: [["Gpt4o", "gpt-4o"], ["O1Mini", "o1-mini"]], want: "kebab-case" },
    { given: [["Asc", "asc"], ["Asc2", "ASC"]], want: "snake_case" },
    { given: [["Foo", "Foo"], ["Bar", "Bar"]], want: undefined },
  ])("$want", ({ given, want }) => {
    expect(chooseRenameRule(given.map(([ident, wire]) => ({ ident: ident!, wire: wire! })))).toBe(want);
  });

  it("applies serde's rules exactly", () => {
    expect(RENAME_RULES.snake_case!("Value20240513")).toBe("value20240513");
    expect(RENAME_RULES.snake_case!("O1Mini")).toBe("o1_mini");
    expect(RENAME_RULES["kebab-case"]!("InProgress")).toBe("in-progress");
    expect(RENAME_RULES.camelCase!("InProgress")).toBe("inProgress");
  });
});

describe("Rust literal syntax and docs", () => {
  it.each([
    { given: "thread.run", want: '"thread.run"' },
    { given: 'say "hi"', want: '"say \\"hi\\""' },
    { given: "back\\slash", want: '"back\\\\slash"' },
    { given: "line\nbreak\t", want: '"line\\nbreak\\t"' },
    { given: "\u0001", want: '"\\u{1}"' },
    { given: "", want: '""' },
  ])("string $given", ({ given, want }) => {
    expect(rustString(given)).toBe(want);
  });

  it("numbers", () => {
    expect([rustInteger(10), rustInteger(-1), rustInteger(1.5), rustInteger(2 ** 60)]).toEqual(["10", "-1", undefined, undefined]);
    expect([rustFloat(2), rustFloat(1.5), rustFloat(1e21)]).toEqual(["2.0", "1.5", "1e+21"]);
  });

  it.each<{ value: number; exact?: string; want: ReturnType<typeof rustIntegerOf> }>([
    { value: 10, want: { text: "10", type: "i64" } },
    { value: 2 ** 63, want: undefined },
    { value: 2 ** 63, exact: "9223372036854775807", want: { text: "9223372036854775807", type: "i64" } },
    { value: -(2 ** 63), exact: "-9223372036854775808", want: { text: "-9223372036854775808", type: "i64" } },
    { value: 2 ** 63, exact: "9223372036854775808", want: { text: "9223372036854775808", type: "u64" } },
    { value: 2 ** 64, exact: "18446744073709551615", want: { text: "18446744073709551615", type: "u64" } },
    { value: 2 ** 64, exact: "18446744073709551617", want: undefined },
    { value: -(2 ** 63), exact: "-9223372036854775809", want: undefined },
  ])("integer $value ($exact) -> $want", ({ value, exact, want }) => {
    expect(rustIntegerOf(value, exact)).toEqual(want);
    expect(rustInteger(value, exact)).toBe(want?.type === "i64" ? want.text : undefined);
  });

  it("doc lines drop trailing spaces and doubled blank lines", () => {
    expect(docLines("\nFirst line.  \n\n\n  indented\r\nlast\n\n")).toEqual(["First line.", "", "  indented", "last"]);
  });

  it("doc comments note format, constraints, default and deprecation", () => {
    expect(
      docComment(
        { description: "Sampling temperature.", deprecated: true },
        { type: { kind: "primitive", type: "number", format: "float", constraints: { minimum: 0, maximum: 2 } }, default: "1" },
      ),
    ).toEqual(["/// Sampling temperature.", "///", "/// Format: `float`.", "/// Constraints: minimum: 0, maximum: 2.", "/// Default: `1`.", "/// Deprecated."]);
    expect(docComment({}, { type: { kind: "array", items: { kind: "primitive", type: "string", constraints: { minLength: 1 } }, constraints: { maxItems: 3 } } })).toEqual([
      "/// Constraints: max items: 3.",
      "/// Each item: min length: 1.",
    ]);
    expect(docComment({})).toEqual([]);
  });

  it("says where a parameter is sent, and that binary is the part's raw bytes", () => {
    expect(docComment({ description: "How many." }, { type: { kind: "primitive", type: "integer", format: "int32" }, parameter: { in: "query", style: "form", explode: false }, default: "20" })).toEqual([
      "/// How many.",
      "///",
      "/// Query parameter (style: form, explode: false).",
      "/// Format: `int32`.",
      "/// Default: `20`.",
    ]);
    expect(docComment({}, { parameter: { in: "header" } })).toEqual(["/// Header parameter."]);
    expect(docComment({ description: "The image." }, { type: { kind: "primitive", type: "string", format: "binary" } })).toEqual([
      "/// The image.",
      "///",
      "/// The raw bytes of the part (`format: binary`).",
    ]);
    expect(docComment({}, { type: { kind: "array", items: { kind: "primitive", type: "string", format: "binary" }, constraints: { maxItems: 16 } } })).toEqual([
      "/// Constraints: max items: 16.",
      "/// Each item: the raw bytes of a part (`format: binary`).",
    ]);
  });
});

describe("tidy", () => {
  it.each([
    { name: "no final newline gets one", given: "a", want: "a\n" },
    { name: "exactly one final newline stays", given: "a\n\nb\n", want: "a\n\nb\n" },
    { name: "many final newlines become one", given: "a\n\n\n\n", want: "a\n" },
    { name: "blank-line runs collapse to one blank line", given: "a\n\n\n\nb\n\nc\n", want: "a\n\nb\n\nc\n" },
    { name: "only newlines", given: "\n\n\n", want: "\n" },
    { name: "empty", given: "", want: "\n" },
    { name: "a line with spaces is not blank", given: "a\n \n\n\n", want: "a\n \n" },
  ])("$name", ({ given, want }) => {
    expect(tidy(given)).toBe(want);
    // The regular expressions it replaced give the same text.
    expect(given.replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n")).toBe(want);
  });
});
