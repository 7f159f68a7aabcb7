// Table cases for the Elixir layout's building blocks (layout.test.ts has the mix format cases):
// unions flatten and dedupe, terms print flat, and each helper switches layout at column 98.
import { describe, expect, it } from "vitest";
import {
  attributeListLines,
  defLines,
  flat,
  flatDocFits,
  flatFits,
  flatTerm,
  heredocLines,
  shortDefLines,
  structTypeLines,
  text,
  union,
  type Term,
  type TypeDoc,
} from "../../../src/targets/elixir/layout.js";

const list = (item: TypeDoc): TypeDoc => ({ kind: "list", item });

describe("union and flat", () => {
  it.each<{ name: string; given: TypeDoc; want: string }>([
    { name: "no parts is none()", given: union([]), want: "none()" },
    { name: "one part is itself", given: union([text("integer()")]), want: "integer()" },
    { name: "nested unions are flattened and duplicates dropped", given: union([text("a"), union([text("b"), text("a")]), text("c")]), want: "a | b | c" },
    { name: "equal lists are one part", given: union([list(text("a")), list(text("a"))]), want: "[a]" },
    { name: "a list of a union", given: list(union([text("a"), text("b")])), want: "[a | b]" },
    { name: "a map type", given: { kind: "map", key: "String.t()", value: text("integer()") }, want: "%{String.t() => integer()}" },
  ])("$name", ({ given, want }) => {
    expect(flat(given)).toBe(want);
  });
});

describe("flatTerm", () => {
  it.each<{ name: string; given: Term; want: string }>([
    { name: "text", given: "nil", want: "nil" },
    { name: "a tuple", given: { tuple: [":ok", "1"] }, want: "{:ok, 1}" },
    { name: "an empty list", given: { list: [] }, want: "[]" },
    { name: "a keyword map", given: { map: [{ key: "name:", value: '"x"' }] }, want: '%{name: "x"}' },
    { name: "an arrow map holding a list", given: { map: [{ key: '"200" =>', value: { list: ["A"] } }] }, want: '%{"200" => [A]}' },
    { name: "a tuple holding a list", given: { tuple: [":ok", { list: ["1", "2"] }] }, want: "{:ok, [1, 2]}" },
  ])("$name", ({ given, want }) => {
    expect(flatTerm(given)).toBe(want);
  });
});

describe("flatDocFits", () => {
  const doc: TypeDoc = union([list(text("a")), { kind: "map", key: "String.t()", value: union([text("x"), text("yy")]) }]);
  // flat(doc) is `[a] | %{String.t() => x | yy}`: 29 characters.
  it.each<{ name: string; given: TypeDoc; room: number; want: boolean }>([
    { name: "text that fits exactly", given: text("abc"), room: 3, want: true },
    { name: "text one too long", given: text("abc"), room: 2, want: false },
    { name: "a union with a list and a map that fits exactly", given: doc, room: 29, want: true },
    { name: "the same one too long", given: doc, room: 28, want: false },
    { name: "no room at all", given: doc, room: -1, want: false },
    { name: "a long union, early parts already too long", given: union([text("x".repeat(50)), ...Array.from({ length: 500 }, (_, i) => text(`t${i}`))]), room: 40, want: false },
  ])("$name", ({ given, room, want }) => {
    expect(flatDocFits(given, room)).toBe(want);
    expect(flat(given).length <= room).toBe(want);
  });
});

describe("flatFits", () => {
  const nested: Term = { map: [{ key: "a:", value: { tuple: [":ok", { list: ["1", "22"] }] } }, { key: '"b" =>', value: { list: [] } }] };
  // flatTerm(nested) is `%{a: {:ok, [1, 22]}, "b" => []}`: 31 characters.
  it.each<{ name: string; given: Term; room: number; want: boolean }>([
    { name: "text that fits exactly", given: "abc", room: 3, want: true },
    { name: "text one too long", given: "abc", room: 2, want: false },
    { name: "an empty tuple", given: { tuple: [] }, room: 2, want: true },
    { name: "an empty map", given: { map: [] }, room: 2, want: false },
    { name: "a nested map that fits exactly", given: nested, room: 31, want: true },
    { name: "a nested map one too long", given: nested, room: 30, want: false },
    { name: "no room at all", given: nested, room: -5, want: false },
    { name: "a long list, early items already too long", given: { list: ["x".repeat(50), ...Array(1000).fill("y")] }, room: 40, want: false },
  ])("$name", ({ given, room, want }) => {
    expect(flatFits(given, room)).toBe(want);
    expect(flatTerm(given).length <= room).toBe(want);
  });
});

// "  def f, do: " is 13 columns: a body of 85 fills 98.
const body = (n: number) => `:${"a".repeat(n - 1)}`;

describe("shortDefLines", () => {
  it.each([
    { name: "a body that fills column 98", head: "f", given: body(85), want: [`  def f, do: ${body(85)}`] },
    { name: "one column more moves the body down", head: "f", given: body(86), want: ["  def f,", `    do: ${body(86)}`] },
  ])("$name", ({ head, given, want }) => {
    expect(shortDefLines(head, given)).toEqual(want);
  });
});

describe("defLines", () => {
  const items = Array.from({ length: 9 }, (_, i) => `:value_${i}_xx`);
  it.each<{ name: string; given: Term; want: string[] }>([
    { name: "an empty map", given: { map: [] }, want: ["  def x, do: %{}"] },
    { name: "a short list", given: { list: [":a", ":b"] }, want: ["  def x, do: [:a, :b]"] },
    {
      name: "a long list goes in a do block, one item per line",
      given: { list: [...items, ":value_9_xx"] },
      want: ["  def x do", "    [", ...items.map((i) => `      ${i},`), "      :value_9_xx", "    ]", "  end"],
    },
  ])("$name", ({ given, want }) => {
    expect(defLines("x", given)).toEqual(want);
  });
});

describe("attributeListLines", () => {
  // "  @enforce_keys [" is 17 columns and "]" one: 80 columns of items fill 98.
  const fill = ["a".repeat(37), "b".repeat(39)];
  it.each([
    { name: "no items", given: [], want: ["  @enforce_keys []"] },
    { name: "items that fill column 98", given: [`:${fill[0]}`, `:${fill[1]}`], want: [`  @enforce_keys [:${fill[0]}, :${fill[1]}]`] },
    {
      name: "one column more, one item per line",
      given: [`:${fill[0]}a`, `:${fill[1]}`],
      want: ["  @enforce_keys [", `    :${fill[0]}a,`, `    :${fill[1]}`, "  ]"],
    },
  ])("$name", ({ given, want }) => {
    expect(attributeListLines("@enforce_keys", given)).toEqual(want);
  });
});

describe("heredocLines", () => {
  it.each([
    { name: "lines at two spaces, blank lines empty", given: ["a", "", "b"], want: ["  a", "", "  b"] },
    { name: "interpolation is escaped", given: ["#{x}"], want: ["  \\#{x}"] },
    { name: "a closing heredoc is escaped", given: ['say """'], want: ['  say \\"""'] },
    { name: "a backslash is doubled", given: ["a\\b"], want: ["  a\\\\b"] },
  ])("$name", ({ given, want }) => {
    expect(heredocLines(given)).toEqual(want);
  });
});

describe("structTypeLines at column 98", () => {
  const x = (n: number) => text("x".repeat(n));
  it.each<{ name: string; fields: { key: string; doc: TypeDoc }[]; flatWant: boolean }>([
    { name: "one field, 98 columns", fields: [{ key: "a:", doc: x(69) }], flatWant: true },
    { name: "one field, 99 columns", fields: [{ key: "a:", doc: x(70) }], flatWant: false },
    { name: "two fields, 98 columns", fields: [{ key: "a:", doc: x(32) }, { key: "b:", doc: x(32) }], flatWant: true },
    { name: "two fields, 99 columns", fields: [{ key: "a:", doc: x(32) }, { key: "b:", doc: x(33) }], flatWant: false },
    { name: "a first field already too long", fields: [{ key: "a:", doc: x(120) }, { key: "b:", doc: x(1) }], flatWant: false },
  ])("$name", ({ fields, flatWant }) => {
    const flatLine = `  @type t :: %__MODULE__{${fields.map((f) => `${f.key} ${flat(f.doc)}`).join(", ")}}`;
    const lines = structTypeLines(fields);
    expect(lines.length === 1).toBe(flatWant);
    if (flatWant) expect(lines).toEqual([flatLine]);
    expect(flatLine.length <= 98).toBe(flatWant);
  });
});
