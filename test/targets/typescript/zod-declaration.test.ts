// How a schema is declared under each `validatorTypes` (zod/declaration.ts), laid out as Prettier
// prints it: each case is what Prettier prints (checked against Prettier itself below).
import { describe, expect, it } from "vitest";
import type { ValidatorTypes } from "../../../src/targets/typescript/options.js";
import { schemaDeclaration } from "../../../src/targets/typescript/zod/declaration.js";
import { arrow, helper, ident, method, object, zod, type ZodExpr } from "../../../src/targets/typescript/zod/expr.js";
import { declarationLines } from "../../../src/targets/typescript/zod/print.js";

const longType = "CreateChatCompletionStreamResponse.ChoicesItem.Logprobs";
const shape = object([{ key: "id", value: zod("string") }]);

const cases: { name: string; type?: string; expr: ZodExpr; onCycle: boolean; mode: ValidatorTypes; want: string[] }[] = [
  { name: "inferred: the expression alone", expr: zod("string"), onCycle: false, mode: "inferred", want: ["export const AbcSchema = z.string();"] },
  { name: "declared: wrapped in typed<Model>", expr: zod("string"), onCycle: false, mode: "declared", want: ["export const AbcSchema = typed<Abc>(z.string());"] },
  {
    name: "declared: an object schema breaks inside the wrapper",
    expr: helper("passthroughObject", shape),
    onCycle: false,
    mode: "declared",
    want: ["export const AbcSchema = typed<Abc>(", "  passthroughObject({", "    id: z.string(),", "  }),", ");"],
  },
  {
    name: "declared: a member chain inside the wrapper",
    expr: method(zod("object", shape), "catchall", zod("unknown")),
    onCycle: false,
    mode: "declared",
    want: ["export const AbcSchema = typed<Abc>(", "  z", "    .object({", "      id: z.string(),", "    })", "    .catchall(z.unknown()),", ");"],
  },
  {
    name: "declared, on a cycle: annotated with zod's type too",
    expr: zod("array", zod("lazy", arrow(ident("AbcSchema")))),
    onCycle: true,
    mode: "declared",
    want: ["export const AbcSchema: zod.ZodType<Abc> = typed<Abc>(", "  z.array(z.lazy(() => AbcSchema)),", ");"],
  },
  {
    name: "inferred, on a cycle: annotated, checked by recursive<Model>",
    expr: zod("array", zod("lazy", arrow(ident("AbcSchema")))),
    onCycle: true,
    mode: "inferred",
    want: ["export const AbcSchema: z.ZodType<Abc> = recursive<Abc>(", "  z.array(z.lazy(() => AbcSchema)),", ");"],
  },
  {
    name: "declared: a long type with a short argument moves whole to the next line",
    type: longType,
    expr: ident("XSchema"),
    onCycle: false,
    mode: "declared",
    want: ["export const AbcSchema =", `  typed<${longType}>(XSchema);`],
  },
  {
    name: "declared: a wrapper whose first piece does not fit moves to the next line",
    type: longType,
    expr: helper("passthroughObject", shape),
    onCycle: false,
    mode: "declared",
    want: ["export const AbcSchema =", `  typed<${longType}>(`, "    passthroughObject({", "      id: z.string(),", "    }),", "  );"],
  },
  {
    name: "declared, on a cycle, a long type: the value on the next line, its argument broken",
    type: longType,
    expr: zod("lazy", arrow(ident("XSchema"))),
    onCycle: true,
    mode: "declared",
    want: [`export const AbcSchema: zod.ZodType<${longType}> =`, `  typed<${longType}>(`, "    z.lazy(() => XSchema),", "  );"],
  },
];

describe("schema declarations", () => {
  it.each(cases)("$name", async ({ type = "Abc", expr, onCycle, mode, want }) => {
    const st = { needsPrettier: false };
    const d = schemaDeclaration(type, expr, onCycle, mode);
    expect(declarationLines("AbcSchema", d.annotation, d.value, st)).toEqual(want);
    expect(st.needsPrettier).toBe(false);
    const prettier = await import("prettier");
    const source = `${want.join("\n")}\n`;
    expect(await prettier.format(source, { parser: "typescript" })).toBe(source);
  });

  it.each<{ mode: ValidatorTypes; onCycle: boolean; want: { uses: string[]; zodTypeImport: boolean } }>([
    { mode: "declared", onCycle: false, want: { uses: ["typed"], zodTypeImport: false } },
    { mode: "declared", onCycle: true, want: { uses: ["typed"], zodTypeImport: true } },
    { mode: "inferred", onCycle: false, want: { uses: [], zodTypeImport: false } },
    { mode: "inferred", onCycle: true, want: { uses: ["z", "recursive"], zodTypeImport: false } },
  ])("$mode, on a cycle $onCycle: the names the wrapper imports", ({ mode, onCycle, want }) => {
    const { uses, zodTypeImport } = schemaDeclaration("Abc", zod("string"), onCycle, mode);
    expect({ uses, zodTypeImport }).toEqual(want);
  });
});
