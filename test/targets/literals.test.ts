// One table of awkward wire strings and the literal each language writes for it: a value taken
// from the spec (an enum value, a tag, a default) must come back exact in every target. The
// TypeScript literals are also evaluated back to the string they came from.
import { describe, expect, it } from "vitest";
import { rustString } from "../../src/targets/rust/syntax.js";
import { scalaString } from "../../src/targets/scala/naming.js";
import { atomLiteral, keywordKey, literalAtomName, moduleSegment, stringLiteral as elixirString } from "../../src/targets/elixir/naming.js";
import { propertyKey, stringLiteral as tsString } from "../../src/targets/typescript/naming.js";

const BS = "\\";

describe("string literals in each language", () => {
  it.each([
    { name: "plain", given: "thread.run", rust: '"thread.run"', scala: '"thread.run"', elixir: '"thread.run"', ts: '"thread.run"' },
    { name: "empty", given: "", rust: '""', scala: '""', elixir: '""', ts: '""' },
    { name: "a double quote", given: 'a"b', rust: `"a${BS}"b"`, scala: `"a${BS}"b"`, elixir: `"a${BS}"b"`, ts: `'a"b'` },
    { name: "a single quote", given: "it's", rust: `"it's"`, scala: `"it's"`, elixir: `"it's"`, ts: `"it's"` },
    { name: "a backslash", given: `a${BS}b`, rust: `"a${BS}${BS}b"`, scala: `"a${BS}${BS}b"`, elixir: `"a${BS}${BS}b"`, ts: `"a${BS}${BS}b"` },
    { name: "a line break", given: "a\nb", rust: `"a${BS}nb"`, scala: `"a${BS}nb"`, elixir: `"a${BS}nb"`, ts: `"a${BS}nb"` },
    { name: "a tab and a return", given: "\t\r", rust: `"${BS}t${BS}r"`, scala: `"${BS}t${BS}r"`, elixir: `"${BS}t${BS}r"`, ts: `"${BS}t${BS}r"` },
    { name: "a control character", given: "\u0001", rust: `"${BS}u{1}"`, scala: `"${BS}u0001"`, elixir: `"${BS}u{1}"`, ts: `"${BS}u0001"` },
    { name: "DEL", given: "\u007f", rust: `"${BS}u{7f}"`, scala: `"${BS}u007f"`, elixir: `"${BS}u{7F}"`, ts: '"\u007f"' },
    { name: "a line separator", given: "\u2028", rust: `"${BS}u{2028}"`, scala: `"${BS}u2028"`, elixir: `"${BS}u{2028}"`, ts: `"${BS}u2028"` },
    { name: "a paragraph separator", given: "a\u2029", rust: `"a${BS}u{2029}"`, scala: `"a${BS}u2029"`, elixir: `"a${BS}u{2029}"`, ts: `"a${BS}u2029"` },
    { name: "a hash without a brace", given: "#x {y}", rust: '"#x {y}"', scala: '"#x {y}"', elixir: '"#x {y}"', ts: '"#x {y}"' },
    { name: "Elixir interpolation", given: "#{x}", rust: '"#{x}"', scala: '"#{x}"', elixir: `"${BS}#{x}"`, ts: '"#{x}"' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the wire value holds a literal ${x}
    { name: "Scala and JS interpolation stay literal", given: "${x}", rust: '"${x}"', scala: '"${x}"', elixir: '"${x}"', ts: '"${x}"' },
    { name: "non-ASCII is kept", given: "é😀", rust: '"é😀"', scala: '"é😀"', elixir: '"é😀"', ts: '"é😀"' },
  ])("$name", ({ given, rust, scala, elixir, ts }) => {
    expect({ rust: rustString(given), scala: scalaString(given), elixir: elixirString(given), ts: tsString(given) }).toEqual({
      rust,
      scala,
      elixir,
      ts,
    });
    expect(new Function(`return ${ts};`)()).toBe(given);
  });
});

describe("TypeScript property keys", () => {
  it.each([
    { given: "id", want: "id" },
    { given: "$ref", want: "$ref" },
    { given: "_x1", want: "_x1" },
    { given: "1st", want: '"1st"' },
    { given: "content-type", want: '"content-type"' },
    { given: "a.b", want: '"a.b"' },
    { given: "", want: '""' },
  ])("$given", ({ given, want }) => {
    expect(propertyKey(given)).toBe(want);
  });
});

describe("Elixir atoms and keyword keys", () => {
  it.each([
    { given: "queued", atom: ":queued", key: "queued:" },
    { given: "ok?", atom: ":ok?", key: "ok?:" },
    { given: "_private", atom: ":_private", key: "_private:" },
    { given: "thread.run", atom: ':"thread.run"', key: '"thread.run":' },
    { given: "fast-lane", atom: ':"fast-lane"', key: '"fast-lane":' },
    { given: "1abc", atom: ':"1abc"', key: '"1abc":' },
    { given: "", atom: ':""', key: '"":' },
    { given: 'a"b', atom: ':"a\\"b"', key: '"a\\"b":' },
  ])("$given", ({ given, atom, key }) => {
    expect({ atom: atomLiteral(given), key: keywordKey(given) }).toEqual({ atom, key });
  });

  it.each([
    { given: "nil", want: "nil_" },
    { given: "true", want: "true_" },
    { given: "queued", want: "queued" },
    // Atoms hold at most 255 characters: longer values are cut to 250 (the naming scope dedupes).
    { given: "a".repeat(255), want: "a".repeat(255) },
    { given: "a".repeat(256), want: "a".repeat(250) },
  ])("literal atom name of $given", ({ given, want }) => {
    expect(literalAtomName(given)).toBe(want);
  });

  it.each([
    { given: ["run", "step"], want: "RunStep" },
    { given: [], want: "Model" },
    { given: ["1st", "place"], want: "Model1stPlace" },
  ])("module segment of $given", ({ given, want }) => {
    expect(moduleSegment(given)).toBe(want);
  });
});
