// The zod layout against Prettier's own rules: each case is what Prettier prints for the
// expression (checked against Prettier itself below, so a table row cannot drift from it).
import { describe, expect, it } from "vitest";
import { array, arrow, call, ident, method, object, text, zod, type ZodExpr } from "../../../src/targets/typescript/zod/expr.js";
import { declarationLines, isSimpleArgument } from "../../../src/targets/typescript/zod/print.js";

const str = (s: string) => text(JSON.stringify(s));
const schema = (name: string) => ident(name);
const longName = "CreateChatCompletionStreamResponseChoicesItemLogprobsSchema";

const cases: { name: string; expr: ZodExpr; annotation?: string; want: string[] }[] = [
  { name: "a short call stays on one line", expr: zod("string"), want: ["export const AbcSchema = z.string();"] },
  {
    name: "an object is always expanded and hugs its call",
    expr: zod("object", object([{ key: "id", value: zod("string") }, { key: '"kebab-key"', value: method(zod("int"), "optional") }])),
    want: ["export const AbcSchema = z.object({", "  id: z.string(),", '  "kebab-key": z.int().optional(),', "});"],
  },
  {
    name: "a chain holding an object before its last call breaks one call a line",
    expr: method(zod("object", object([{ key: "a", value: zod("string") }])), "catchall", zod("unknown")),
    want: ["export const AbcSchema = z", "  .object({", "    a: z.string(),", "  })", "  .catchall(z.unknown());"],
  },
  {
    name: "an array argument hugs its call when it does not fit",
    expr: zod("enum", array(["in_progress", "requires_action", "cancelling", "cancelled", "failed"].map(str))),
    want: ["export const AbcSchema = z.enum([", '  "in_progress",', '  "requires_action",', '  "cancelling",', '  "cancelled",', '  "failed",', "]);"],
  },
  {
    name: "numbers fill their lines",
    expr: zod("literal", array(Array.from({ length: 30 }, (_, i) => text(String(i * 100))))),
    want: [
      "export const AbcSchema = z.literal([",
      "  0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400,",
      "  1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400, 2500, 2600, 2700,",
      "  2800, 2900,",
      "]);",
    ],
  },
  {
    name: "two arguments, one calling with a function, always break",
    expr: method(zod("record", zod("string"), zod("lazy", arrow(schema("TreeSchema")))), "optional"),
    want: ["export const AbcSchema = z", "  .record(", "    z.string(),", "    z.lazy(() => TreeSchema),", "  )", "  .optional();"],
  },
  {
    name: "more than two calls with an argument that is not simple break one call a line",
    expr: method(method(call(ident("openEnum"), zod("enum", array([str("x"), str("y")]))), "nullable"), "default", text("null")),
    want: ["export const AbcSchema = openEnum(z.enum([\"x\", \"y\"]))", "  .nullable()", "  .default(null);"],
  },
  {
    name: "a short call chain too wide moves whole to the next line",
    expr: method(method(schema(longName), "nullable"), "optional"),
    want: ["export const AbcSchema =", `  ${longName}.nullable().optional();`],
  },
  {
    name: "a long left side keeps the value on the next line",
    annotation: "z.ZodType<CreateChatCompletionStreamResponse.ChoicesItem.Logprobs>",
    expr: zod("lazy", arrow(schema("XSchema"))),
    want: ["export const AbcSchema: z.ZodType<CreateChatCompletionStreamResponse.ChoicesItem.Logprobs> =", "  z.lazy(() => XSchema);"],
  },
  {
    name: "a value whose first piece does not fit after its key moves to the next line",
    expr: zod("object", object([{ key: "image", value: schema("StepToolCallCodeInterpreterCodeInterpreterOutputsItemImageDetailsSchema") }])),
    want: ["export const AbcSchema = z.object({", "  image:", "    StepToolCallCodeInterpreterCodeInterpreterOutputsItemImageDetailsSchema,", "});"],
  },
  {
    name: "a key of four characters never moves its value",
    expr: zod("object", object([{ key: "code", value: method(method(schema(longName), "nullable"), "optional") }])),
    want: ["export const AbcSchema = z.object({", `  code: ${longName}.nullable().optional(),`, "});"],
  },
];

describe("zod layout", () => {
  it.each(cases)("$name", async ({ expr, annotation, want }) => {
    const st = { needsPrettier: false };
    const lines = declarationLines("AbcSchema", annotation, expr, st);
    expect(lines).toEqual(want);
    expect(st.needsPrettier).toBe(false);
    // The table is Prettier's: formatting the expected text changes nothing.
    const prettier = await import("prettier");
    const source = `${want.join("\n")}\n`;
    expect(await prettier.format(source, { parser: "typescript" })).toBe(source);
  });

  it.each<{ expr: ZodExpr; want: boolean }>([
    { expr: zod("string"), want: true },
    { expr: zod("enum", array([str("a")])), want: false },
    { expr: arrow(schema("X")), want: false },
    { expr: text("/^a+$/"), want: true },
    { expr: text("/^[a-z]+$/"), want: false },
  ])("simple argument: $want", ({ expr, want }) => {
    expect(isSimpleArgument(expr)).toBe(want);
  });
});
