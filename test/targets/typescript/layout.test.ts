// The TypeScript target's layout imitates Prettier (print width 80) for the shapes it writes, and
// flags the few shapes it leaves to Prettier. Each case gives the pieces and wants the lines; the
// cases the layout does not flag are then checked against Prettier itself, so an imitation that
// drifts from Prettier fails here rather than as a noisy golden diff.
import { describe, expect, it } from "vitest";
import * as prettier from "prettier";
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import path from "node:path";
import { builtInTemplatesDir } from "../../../src/render/templates.js";
import { indexSignatureLines, propertyLines, typeAliasLines } from "../../../src/targets/typescript/layout.js";

/** A type name exactly `n` characters long. */
const T = (n: number, first = "T") => first + "x".repeat(n - 1);

interface Case {
  name: string;
  given: string[];
  want: string[];
  flagged?: boolean;
}

function run(lay: (state: { needsPrettier: boolean }) => string[]): { lines: string[]; flagged: boolean } {
  const state = { needsPrettier: false };
  const lines = lay(state);
  return { lines, flagged: state.needsPrettier };
}

async function prettierLines(source: string): Promise<string[]> {
  return (await prettier.format(source, { parser: "typescript" })).trimEnd().split("\n");
}

// `  key: type;` inside an interface: "  k: " is 5 columns and ";" one, so a 74-column type fills 80.
const propertyCases: (Case & { key: string; optional?: boolean })[] = [
  { name: "a short property", key: "id", given: ["string"], want: ["  id: string;"] },
  { name: "an optional nullable property", key: "name", optional: true, given: ["string", "null"], want: ["  name?: string | null;"] },
  { name: "a single type at exactly 80 columns", key: "k", given: [T(74)], want: [`  k: ${T(74)};`] },
  { name: "a single type past 80 columns stays on the line", key: "k", given: [T(75)], want: [`  k: ${T(75)};`] },
  { name: "a type and null past 80 columns stay on the line", key: "k", given: [T(70), "null"], want: [`  k: ${T(70)} | null;`] },
  {
    name: "a too-wide Record puts each type argument on its own line",
    key: "k",
    given: [`Record<string, ${T(59)}>`],
    want: ["  k: Record<", "    string,", `    ${T(59)}`, "  >;"],
  },
  {
    name: "a too-wide nullable Record keeps `| null` after the bracket",
    key: "k",
    given: [`Record<string, ${T(59)}>`, "null"],
    want: ["  k: Record<", "    string,", `    ${T(59)}`, "  > | null;"],
  },
  {
    name: "a too-wide array of a union puts the union on its own line inside the brackets",
    key: "k",
    given: [`Array<${T(40, "A")} | ${T(30, "B")}>`],
    want: ["  k: Array<", `    ${T(40, "A")} | ${T(30, "B")}`, "  >;"],
  },
  {
    name: "a too-wide nullable array of a union keeps `| null` after the bracket",
    key: "k",
    given: [`Array<"${T(30, "a")}" | "${T(30, "b")}">`, "null"],
    want: ["  k: Array<", `    "${T(30, "a")}" | "${T(30, "b")}"`, "  > | null;"],
  },
  {
    name: "an array of a union too wide for the line inside the brackets goes one member per line",
    key: "k",
    given: [`Array<${T(40, "A")} | ${T(40, "B")} | null>`],
    want: ["  k: Array<", `    | ${T(40, "A")}`, `    | ${T(40, "B")}`, "    | null", "  >;"],
  },
  {
    name: "an array of one member past 80 columns stays on the line",
    key: "k",
    given: [`Array<"${T(80, "a")}">`],
    want: [`  k: Array<"${T(80, "a")}">;`],
  },
  {
    name: "a too-wide array of a union whose string literal holds ` | ` is left to Prettier",
    key: "k",
    given: [`Array<"${T(40, "a")} | x" | "${T(40, "b")}">`],
    want: [`  k: Array<"${T(40, "a")} | x" | "${T(40, "b")}">;`],
    flagged: true,
  },
  {
    name: "a too-wide array of a union with a generic member is left to Prettier",
    key: "k",
    given: [`Array<Record<string, ${T(40, "A")}> | ${T(30, "B")}>`],
    want: [`  k: Array<Record<string, ${T(40, "A")}> | ${T(30, "B")}>;`],
    flagged: true,
  },
  {
    name: "a union too wide for its line moves to the next",
    key: "k",
    // 75 columns of union: 81 on the key's line, 80 on the next.
    given: [T(30, "A"), T(30, "B"), T(9, "C")],
    want: ["  k:", `    ${T(30, "A")} | ${T(30, "B")} | ${T(9, "C")};`],
  },
  {
    name: "a union too wide for the next line goes one member per line",
    key: "k",
    given: [T(30, "A"), T(30, "B"), T(30, "C")],
    want: ["  k:", `    | ${T(30, "A")}`, `    | ${T(30, "B")}`, `    | ${T(30, "C")};`],
  },
  {
    name: "a member too wide for its own line, that Prettier could break inside, is left to Prettier",
    key: "k",
    given: [`Record<string, ${T(70)}>`, T(10, "B")],
    want: ["  k:", `    | Record<string, ${T(70)}>`, `    | ${T(10, "B")};`],
    flagged: true,
  },
];

describe("propertyLines", () => {
  it.each(propertyCases)("$name", async ({ key, optional, given, want, flagged }) => {
    const got = run((state) => propertyLines(state, "  ", key, optional ?? false, given));
    expect(got.lines).toEqual(want);
    expect(got.flagged).toBe(flagged ?? false);
    if (!got.flagged) expect(await prettierLines(["interface X {", ...got.lines, "}"].join("\n"))).toEqual(["interface X {", ...want, "}"]);
  });
});

// `export type N = ...;`: "export type N = " is 16 columns.
const aliasCases: Case[] = [
  { name: "a short alias", given: ["string"], want: ["export type N = string;"] },
  { name: "a literal union that fits", given: ['"low"', '"high"'], want: ['export type N = "low" | "high";'] },
  { name: "a single type at exactly 80 columns", given: [T(63)], want: [`export type N = ${T(63)};`] },
  { name: "a single type past 80 columns moves to the next line", given: [T(64)], want: ["export type N =", `  ${T(64)};`] },
  {
    name: "a too-wide Record breaks its type arguments",
    given: [`Record<string, ${T(60)}>`],
    want: ["export type N = Record<", "  string,", `  ${T(60)}`, ">;"],
  },
  {
    name: "a too-wide object type hugs the `=` and is left to Prettier",
    given: [`{ [key: string]: ${T(60)} }`],
    want: [`export type N = { [key: string]: ${T(60)} };`],
    flagged: true,
  },
  {
    name: "a nested Record too wide for the next line is left to Prettier",
    given: [`Record<string, Record<string, ${T(60)}>>`],
    want: [`export type N = Record<string, Record<string, ${T(60)}>>;`],
    flagged: true,
  },
  {
    name: "a union too wide for its line moves to the next",
    // 64 columns of union: 81 after the `=`.
    given: [T(31, "A"), T(30, "B")],
    want: ["export type N =", `  ${T(31, "A")} | ${T(30, "B")};`],
  },
  {
    name: "a union too wide for the next line goes one member per line",
    given: [T(30, "A"), T(30, "B"), T(30, "C")],
    want: ["export type N =", `  | ${T(30, "A")}`, `  | ${T(30, "B")}`, `  | ${T(30, "C")};`],
  },
];

describe("typeAliasLines", () => {
  it.each(aliasCases)("$name", async ({ given, want, flagged }) => {
    const got = run((state) => typeAliasLines(state, "", "N", given));
    expect(got.lines).toEqual(want);
    expect(got.flagged).toBe(flagged ?? false);
    if (!got.flagged) expect(await prettierLines(got.lines.join("\n"))).toEqual(want);
  });
});

describe("indexSignatureLines", () => {
  it.each([
    { name: "a short signature", given: ["string", "number"], want: ["  [key: string]: string | number;"], flagged: false },
    // "  [key: string]: " is 17 columns and ";" one: 62 columns of type fill 80.
    { name: "a signature at exactly 80 columns", given: [T(62)], want: [`  [key: string]: ${T(62)};`], flagged: false },
    { name: "a signature past 80 columns is left to Prettier", given: [T(63)], want: [`  [key: string]: ${T(63)};`], flagged: true },
  ])("$name", async ({ given, want, flagged }) => {
    const got = run((state) => indexSignatureLines(state, "  ", given));
    expect(got.lines).toEqual(want);
    expect(got.flagged).toBe(flagged);
    if (!flagged) expect(await prettierLines(["interface X {", ...got.lines, "}"].join("\n"))).toEqual(["interface X {", ...want, "}"]);
  });
});

describe("the doc_comment partial (templates/typescript/partials/doc_comment.hbs)", () => {
  // The view gives the comment as text; the built-in partial lays out `/**`, ` * ` and ` */`.
  const partial = Handlebars.compile(readFileSync(path.join(builtInTemplatesDir(), "typescript/partials/doc_comment.hbs"), "utf8"), {
    strict: true,
    noEscape: true,
  });
  it.each([
    { name: "no lines, no block", indent: "", given: [], want: [] },
    { name: "one line", indent: "", given: ["The id."], want: ["/**", " * The id.", " */"] },
    { name: "an empty line has no trailing space", indent: "  ", given: ["First.", "", "Second."], want: ["  /**", "   * First.", "   *", "   * Second.", "   */"] },
  ])("$name", ({ indent, given, want }) => {
    const text = partial({ indent, doc: given });
    expect(text === "" ? [] : text.replace(/\n$/, "").split("\n")).toEqual(want);
  });
});
