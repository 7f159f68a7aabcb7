// Digits of integers beyond 2^53 read back from the text: given the text at a key, want the digits
// or nothing (the caller then keeps the double).
import { describe, expect, it } from "vitest";
import { integerItemsAt, integerTextAt, isInexactInteger } from "../../src/load/integer-text.js";

const MAX = 2 ** 63; // what 9223372036854775807 reads as: its shortest spelling is 9223372036854776000
const MIN = -(2 ** 63);

describe("integerTextAt", () => {
  it.each<{ name: string; text: string; key?: string; value?: number; want: string | undefined }>([
    { name: "a block mapping's key", text: "maximum: 9223372036854775807\n", want: "9223372036854775807" },
    { name: "a negative bound", text: "minimum: -9223372036854775808\n", key: "minimum", value: MIN, want: "-9223372036854775808" },
    { name: "a leading plus is dropped", text: "maximum: +9223372036854775807\n", want: "9223372036854775807" },
    { name: "a comment after it", text: "maximum: 9223372036854775807 # int64\n", want: "9223372036854775807" },
    { name: "blanks before the colon", text: "maximum  :\t9223372036854775807", want: "9223372036854775807" },
    { name: "in a flow mapping", text: "maximum: 9223372036854775807, minimum: 0 }", want: "9223372036854775807" },
    { name: "a JSON key", text: '"maximum": 9223372036854775807}', want: "9223372036854775807" },
    { name: "a single-quoted key", text: "'maximum': 9223372036854775807]", want: "9223372036854775807" },
    { name: "other digits that round to the same double", text: "maximum: 9223372036854775806\n", want: "9223372036854775806" },
    { name: "digits of another number", text: "maximum: 9223372036854770000\n", want: undefined },
    { name: "another key", text: "minimum: 9223372036854775807\n", want: undefined },
    { name: "a longer key", text: "maximumValue: 9223372036854775807\n", want: undefined },
    { name: "the value on the next line", text: "maximum:\n  9223372036854775807\n", want: undefined },
    { name: "an exponent", text: "maximum: 9.223372036854775807e18\n", want: undefined },
    { name: "a leading zero", text: "maximum: 09223372036854775807\n", want: undefined },
    { name: "digits running into letters", text: "maximum: 9223372036854775807x\n", want: undefined },
    { name: "a tag", text: "maximum: !!int 9223372036854775807\n", want: undefined },
  ])("$name", ({ text, key = "maximum", value = MAX, want }) => {
    expect(integerTextAt(text, 0, key, value)).toBe(want);
  });

  it("reads from the given offset", () => {
    const text = "type: integer\nmaximum: 18446744073709551615\n";
    expect(integerTextAt(text, text.indexOf("maximum"), "maximum", 2 ** 64)).toBe("18446744073709551615");
  });
});

describe("integerItemsAt", () => {
  const BIG = "9223372036854775807";
  it.each<{ name: string; text: string; values: unknown[]; want: (string | undefined)[] }>([
    { name: "a flow sequence", text: `[0, ${BIG}]`, values: [0, MAX], want: [undefined, BIG] },
    { name: "JSON", text: `[1,${BIG} ,-${BIG.replace(/7$/, "8")}]`, values: [1, MAX, MIN], want: [undefined, BIG, "-9223372036854775808"] },
    { name: "a flow sequence over lines, with comments", text: `[\n  0, # zero\n  ${BIG} # int64\n]`, values: [0, MAX], want: [undefined, BIG] },
    { name: "quoted strings before, with commas, brackets and escapes", text: `["a,]", 'b'',]', "c\\",d", ${BIG}]`, values: ["a,]", "b',]", 'c",d', MAX], want: [undefined, undefined, undefined, BIG] },
    { name: "plain strings and null before", text: `[x y, null, ${BIG}]`, values: ["x y", null, MAX], want: [undefined, undefined, BIG] },
    { name: "a block sequence", text: `- 0\n- ${BIG}\n`, values: [0, MAX], want: [undefined, BIG] },
    { name: "a block sequence with comments and blank lines", text: `- 0 # zero\n\n    # next\n- ${BIG}\n`, values: [0, MAX], want: [undefined, BIG] },
    { name: "a block sequence with CRLF line ends", text: `- 0\r\n- ${BIG}\r\n`, values: [0, MAX], want: [undefined, BIG] },
    { name: "a block sequence ends at a line less indented", text: `- ${BIG}\nnext: 1\n- 9223372036854775806\n`, values: [MAX, MAX], want: [BIG, undefined] },
    { name: "a block sequence ends at a key in its own column", text: `- ${BIG}\ntype: integer\n`, values: [MAX], want: [BIG] },
    { name: "a nested flow container stops the reading", text: `[[1], ${BIG}]`, values: [[1], MAX], want: [undefined, undefined] },
    { name: "an item running onto more lines stops the reading", text: `- a\n  b\n- ${BIG}\n`, values: ["a b", MAX], want: [undefined, undefined] },
    { name: "a nested block mapping stops the reading", text: `- a: 1\n  b: 2\n- ${BIG}\n`, values: [{}, MAX], want: [undefined, undefined] },
    { name: "digits of another number", text: `[${BIG.replace(/^9/, "8")}]`, values: [MAX], want: [undefined] },
    { name: "a tagged item", text: `[!!int ${BIG}]`, values: [MAX], want: [undefined] },
    { name: "an exponent", text: "[9.223372036854775807e18]", values: [MAX], want: [undefined] },
    { name: "a value a double holds gets no digits", text: "[9007199254740991]", values: [Number.MAX_SAFE_INTEGER], want: [undefined] },
    { name: "more values than items written", text: `[${BIG}`, values: [MAX, MAX], want: [BIG, undefined] },
    { name: "neither a flow nor a block sequence", text: `${BIG}`, values: [MAX], want: [undefined] },
  ])("$name", ({ text, values, want }) => {
    expect(integerItemsAt(text, 0, values)).toEqual(want);
  });

  it("reads from the given offset", () => {
    const text = `enum:\n  - 1\n  - ${BIG}\n`;
    expect(integerItemsAt(text, text.indexOf("-"), [1, MAX])).toEqual([undefined, BIG]);
  });
});

describe("isInexactInteger", () => {
  it.each([
    { given: MAX, want: true },
    { given: MIN, want: true },
    { given: 2 ** 53, want: true },
    { given: Number.MAX_SAFE_INTEGER, want: false },
    { given: -Number.MAX_SAFE_INTEGER, want: false },
    { given: 1.5e300, want: true },
    { given: 0.5, want: false },
    { given: "9223372036854775807", want: false },
    { given: Number.POSITIVE_INFINITY, want: false },
  ])("$given", ({ given, want }) => {
    expect(isInexactInteger(given)).toBe(want);
  });
});
