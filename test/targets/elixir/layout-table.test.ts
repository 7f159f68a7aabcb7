// Table cases for the Elixir layout's building blocks (layout.test.ts has the mix format cases):
// unions flatten and dedupe, terms print flat, and each helper switches layout at column 98.
import { describe, expect, it } from "vitest";
import {
  attributeListLines,
  defLines,
  flat,
  flatFits,
  flatTerm,
  heredocLines,
  shortDefLines,
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
