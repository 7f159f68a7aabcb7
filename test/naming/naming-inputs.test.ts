// The hash of what type names are worked out from (src/naming/naming-inputs.ts): a language's type
// names are used again on a later run only when it is unchanged, so every input typeNamesOf reads
// must change it (one row per input), and what it does not read must not (else nothing is reused).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { namingInputsHash } from "../../src/naming/naming-inputs.js";
import { typeNamesOf } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { rustNamingRules } from "../../src/targets/rust/naming.js";
import { elixirNamingRules } from "../../src/targets/elixir/naming.js";
import { scalaNamingRules } from "../../src/targets/scala/naming.js";
import type { IrDocument, Model, ObjectModel, UnionModel } from "../../src/ir/types.js";
import { irOf, REPO } from "../helpers/generate.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const ALL_RULES = [tsNamingRules, rustNamingRules, elixirNamingRules, scalaNamingRules];

const byHint = (ir: IrDocument, last: string) => ir.models.find((m) => m.nameHint.at(-1) === last && !m.parent)!;
const hoisted = (ir: IrDocument) => ir.models.find((m) => m.parent)!;
const tagged = (ir: IrDocument) => ir.models.find((m): m is UnionModel => m.kind === "union" && m.variants.some((v) => v.tags?.length))!;
const object = (ir: IrDocument) => byHint(ir, "Usage") as ObjectModel;

const cases: { edit: string; change: (ir: IrDocument) => void; changes: boolean }[] = [
  { edit: "a model's id", change: (ir) => void (byHint(ir, "Usage").id += "2"), changes: true },
  { edit: "a model's parent", change: (ir) => void delete (hoisted(ir) as Partial<Model>).parent, changes: true },
  { edit: "a model's origin", change: (ir) => void (byHint(ir, "Usage").origin = "operation"), changes: true },
  { edit: "a model's name hint", change: (ir) => void (byHint(ir, "Usage").nameHint = ["Token", "Usage"]), changes: true },
  { edit: "a model's kind", change: (ir) => void ((byHint(ir, "Usage") as { kind: string }).kind = "alias"), changes: true },
  { edit: "the models' order", change: (ir) => void ir.models.reverse(), changes: true },
  { edit: "a variant's tags", change: (ir) => void (tagged(ir).variants[0]!.tags = ["renamed_tag"]), changes: true },
  { edit: "a variant's type", change: (ir) => void (tagged(ir).variants[0]!.type = { kind: "primitive", type: "string" }), changes: true },
  { edit: "a model's description", change: (ir) => void (byHint(ir, "Usage").docs = { description: "edited" }), changes: false },
  { edit: "a model's source position", change: (ir) => void (byHint(ir, "Usage").source.line += 100), changes: false },
  {
    edit: "a field added",
    change: (ir) => void object(ir).fields.push({ ...object(ir).fields[0]!, name: "cached_tokens" }),
    changes: false,
  },
  { edit: "a field's identifier", change: (ir) => void (object(ir).fields[0]!.identifier = "prompt"), changes: false },
  {
    edit: "an enum value added",
    change: (ir) => {
      const e = ir.models.find((m) => m.kind === "enum")!;
      if (e.kind === "enum") e.members.push({ value: "added" });
    },
    changes: false,
  },
];

describe("namingInputsHash", () => {
  it.each(cases)("$edit: changes the hash: $changes", ({ change, changes }) => {
    const before = structuredClone(irOf(SPEC));
    const after = structuredClone(irOf(SPEC));
    change(after);
    expect(namingInputsHash(after) !== namingInputsHash(before)).toBe(changes);
    // What the hash leaves out does not change any language's type names.
    if (!changes) for (const rules of ALL_RULES) expect(typeNamesOf(after, rules)).toEqual(typeNamesOf(before, rules));
  });

  it("is the same for equal IRs (not the identity of the models array)", () => {
    expect(namingInputsHash(structuredClone(irOf(SPEC)))).toBe(namingInputsHash(structuredClone(irOf(SPEC))));
  });
});

describe("namingInputsHash hashes one line per model", () => {
  it("is the hash of the lines fed one at a time (a union's variants as they are)", async () => {
    const { createHash } = await import("node:crypto");
    const ir = structuredClone(irOf(SPEC));
    const h = createHash("sha256");
    for (const m of ir.models) {
      const variants = m.kind === "union" ? m.variants : null;
      h.update(JSON.stringify([m.id, m.parent ?? null, m.origin ?? null, m.nameHint, m.kind, variants])).update("\n");
    }
    expect(namingInputsHash(ir)).toBe(h.digest("hex"));
  });
});
