// Facts the @moduledoc gives about a field's type: raw bytes (`format: binary`), formats, and
// allowed values through recursive aliases.
import { describe, expect, it } from "vitest";
import { assignNames } from "../../../src/naming/assign.js";
import { indexModels } from "../../../src/ir/query.js";
import type { IrDocument, Model, TypeExpr } from "../../../src/ir/types.js";
import { fieldsSection, typeFacts } from "../../../src/targets/elixir/docs.js";
import { text } from "../../../src/targets/elixir/layout.js";
import { elixirNamingRules } from "../../../src/targets/elixir/naming.js";
import type { ElixirTypeContext } from "../../../src/targets/elixir/types.js";

const source = { file: "", line: 1, col: 1, pointer: "" };
const bytes: TypeExpr = { kind: "primitive", type: "string", format: "binary" };
const models: Model[] = [{ id: "#/File", kind: "alias", nameHint: ["File"], type: bytes, docs: {}, source }];
const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, models, report: [] };
const ctx: ElixirTypeContext = { models: indexModels(models), names: assignNames(ir, elixirNamingRules), namespace: "X", openEnums: true };

describe("type facts", () => {
  it.each<{ about: string; given: TypeExpr; part: boolean; want: string[] }>([
    {
      about: "a multipart file part",
      given: bytes,
      part: true,
      want: ["The raw bytes of the part (`format: binary`), such as a file's contents."],
    },
    { about: "raw bytes elsewhere", given: bytes, part: false, want: ["Raw bytes (`format: binary`), not text."] },
    {
      about: "through an alias",
      given: { kind: "ref", target: "#/File" },
      part: true,
      want: ["The raw bytes of the part (`format: binary`), such as a file's contents."],
    },
    {
      about: "several files in one part name",
      given: { kind: "array", items: bytes, constraints: { maxItems: 10 } },
      part: true,
      want: ["Each item is the raw bytes of one part (`format: binary`), such as a file's contents.", "Constraints: max items: 10"],
    },
    {
      about: "an array of raw bytes elsewhere",
      given: { kind: "array", items: bytes },
      part: false,
      want: ["Each item is raw bytes (`format: binary`), not text."],
    },
    {
      about: "other formats stay as they are",
      given: { kind: "primitive", type: "string", format: "byte" },
      part: true,
      want: ["Format: `byte`"],
    },
  ])("$about", ({ given, part, want }) => {
    expect(typeFacts(given, ctx, part)).toEqual(want);
  });
});

describe("allowed values", () => {
  /** The file's context with one more model. */
  const contextWith = (model: Model): ElixirTypeContext => {
    const all = [...models, model];
    return { models: indexModels(all), names: assignNames({ ...ir, models: all }, elixirNamingRules), namespace: "X", openEnums: true };
  };

  it("end on a recursive alias (Nested = [[Nested]]) instead of overflowing the stack", () => {
    const nested: Model = {
      id: "#/Nested",
      kind: "alias",
      nameHint: ["Nested"],
      type: { kind: "array", items: { kind: "array", items: { kind: "ref", target: "#/Nested" } } },
      docs: {},
      source,
    };
    const c = contextWith(nested);
    const field = { name: "nested", type: { kind: "ref", target: "#/Nested" } as TypeExpr, required: true, docs: {}, source };
    expect(fieldsSection([{ field, key: "nested", type: text("X.Nested.t()") }], undefined, "lenient", c)).toEqual([
      "## Fields",
      "",
      "  * `:nested` - required - `X.Nested.t()`",
    ]);
  });

  it("end on a recursive alias met inside an array (the aliases followed are kept from the first reference on)", () => {
    const nested: Model = {
      id: "#/Nested",
      kind: "alias",
      nameHint: ["Nested"],
      type: { kind: "array", items: { kind: "ref", target: "#/Nested" } },
      docs: {},
      source,
    };
    const c = contextWith(nested);
    const field = {
      name: "nested",
      type: { kind: "array", items: { kind: "ref", target: "#/Nested" } } as TypeExpr,
      required: true,
      docs: {},
      source,
    };
    expect(fieldsSection([{ field, key: "nested", type: text("[X.Nested.t()]") }], undefined, "lenient", c)).toEqual([
      "## Fields",
      "",
      "  * `:nested` - required - `[X.Nested.t()]`",
    ]);
  });
});
