import { describe, expect, it } from "vitest";
import { bytesNote, paramDoc, type FieldDocInput } from "../../../src/targets/scala/docs.js";
import { importLines } from "../../../src/targets/scala/imports.js";

const models = new Map();
const input = (extra: Partial<FieldDocInput>): FieldDocInput => ({
  identifier: "limit",
  wire: "limit",
  docs: {},
  type: { kind: "primitive", type: "string" },
  presence: "required",
  ...extra,
});

describe("Scala scaladoc of fields", () => {
  it.each<{ title: string; given: FieldDocInput; want: string[] }>([
    {
      title: "a query parameter says where it is sent, first",
      given: input({ docs: { description: "How many." }, presence: "optional", parameter: { in: "query", style: "form", explode: false } }),
      want: ["@param limit How many.", "  Query parameter (style: form, explode: false). Optional: `None` when absent."],
    },
    {
      title: "a header parameter names its header",
      given: input({ identifier: "xRequestId", wire: "X-Request-Id", parameter: { in: "header" } }),
      want: ["@param xRequestId Header parameter. Name: `X-Request-Id`."],
    },
    {
      title: "a JSON field keeps its JSON key",
      given: input({ identifier: "petId", wire: "pet_id" }),
      want: ["@param petId JSON key: `pet_id`."],
    },
    {
      title: "a multipart file part is the part's raw bytes",
      given: input({ identifier: "file", wire: "file", type: { kind: "primitive", type: "string", format: "binary" }, multipart: true }),
      want: ["@param file Format: binary: the raw bytes of this multipart part (a file's content); base64 when written as JSON."],
    },
    {
      title: "an array of files",
      given: input({
        identifier: "files",
        wire: "files",
        type: { kind: "array", items: { kind: "primitive", type: "string", format: "binary" } },
        multipart: true,
      }),
      want: ["@param files Format: binary: each item is the raw bytes of one file of this multipart part; base64 when written as JSON."],
    },
  ])("$title", ({ given, want }) => {
    expect(paramDoc(given, models, "lenient")).toEqual(want);
  });

  it.each<{ policy: "lenient" | "strict" | "tolerant"; given: FieldDocInput; want: string }>([
    {
      policy: "lenient",
      given: input({ presence: "requiredNullable" }),
      want: "@param limit Required, may be null (`None`); absent reads as `None`.",
    },
    { policy: "strict", given: input({ presence: "requiredNullable" }), want: "@param limit Required, may be null (`None`)." },
    {
      policy: "tolerant",
      given: input({ presence: "requiredNullable" }),
      want: "@param limit Required, may be null (`None`); absent reads as `None`.",
    },
    {
      policy: "tolerant",
      given: input({ presence: "optional", tolerated: true }),
      want: "@param limit Required by the spec; `None` when absent or null (tolerant presence), left out when written.",
    },
    { policy: "tolerant", given: input({ presence: "optional" }), want: "@param limit Optional: `None` when absent." },
    {
      policy: "tolerant",
      given: input({ presence: "optionalJson", tolerated: true }),
      want: "@param limit Required by the spec, any JSON value; `None` when absent (tolerant presence), `Some(Json.Null)` for null.",
    },
  ])("presence under $policy: $want", ({ policy, given, want }) => {
    expect(paramDoc(given, models, policy)).toEqual([want]);
  });

  it("appends to the lines given (a case class's @param lines), blank description lines dropped", () => {
    const out = ["@param before Earlier field."];
    const given = input({ docs: { description: "First line.\n\nSecond line.", deprecated: true }, default: 5, presence: "optional" });
    expect(paramDoc(given, models, "lenient", out)).toBe(out);
    expect(out).toEqual([
      "@param before Earlier field.",
      "@param limit First line.",
      "  Second line.",
      "  Optional: `None` when absent. Default: `5`. Deprecated.",
    ]);
  });

  it("a field with nothing to say still gets its @param line", () => {
    expect(paramDoc(input({}), models, "strict")).toEqual(["@param limit"]);
  });

  it("bytes outside a multipart body are just bytes", () => {
    expect(bytesNote(false, false)).toBe("Format: binary: raw bytes; base64 when written as JSON.");
  });
});

describe("Scala imports", () => {
  it.each<{ given: Parameters<typeof importLines>[0]; want: string[] }>([
    { given: [], want: [] },
    { given: ["Json"], want: ["import io.circe.Json"] },
    {
      given: ["Encoder", "Codec", "ArraySeq", "Decoder", "Codec"],
      want: ["import io.circe.{Codec, Decoder, Encoder}", "import scala.collection.immutable.ArraySeq"],
    },
  ])("$given", ({ given, want }) => {
    expect(importLines(given)).toEqual(want);
  });
});

describe("docBlock", () => {
  it("escapes comment closers and openers in any line, whatever it quotes", async () => {
    const { docBlock } = await import("../../../src/targets/scala/docs.js");
    expect(docBlock("", ['Values: `"*/"`.', "Constraints: pattern: `a/*b`."])).toEqual([
      "/**",
      ' * Values: `"*&#47;"`.',
      " * Constraints: pattern: `a/&#42;b`.",
      " */",
    ]);
  });
});
