import { describe, expect, it } from "vitest";
import { unionShadows, unionView } from "../../../src/targets/scala/unions.js";
import { codecContext, type FileScope } from "../../../src/targets/scala/scope.js";
import { assignNames } from "../../../src/naming/assign.js";
import { scalaNamingRules } from "../../../src/targets/scala/naming.js";
import { indexModels } from "../../../src/ir/query.js";
import type { IrDocument, Model, UnionModel, UnionVariant } from "../../../src/ir/types.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const object = (tag: string): Model => ({
  id: `#/${tag}`,
  kind: "object",
  nameHint: [tag],
  fields: [{ name: "type", type: { kind: "literal", value: tag }, required: true, docs: {}, source: src }],
  docs: {},
  source: src,
});
const tagged = (tag: string): UnionVariant => ({ type: { kind: "ref", target: `#/${tag}` }, tags: [tag] });
const union = (variants: UnionVariant[], tagProperty = true): UnionModel => ({
  id: "#/Tool",
  kind: "union",
  combinator: "oneOf",
  nameHint: ["Tool"],
  ...(tagProperty ? { discriminator: { property: "type", origin: "declared" as const } } : {}),
  variants,
  docs: {},
  source: src,
});

function render(u: UnionModel, unknownUnionTags: "keep" | "reject", others: Model[]) {
  const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, report: [], models: [u, ...others] };
  const scope: FileScope = {
    models: indexModels(ir.models),
    names: assignNames(ir, scalaNamingRules),
    options: { package: "acme.models", unknownEnumValues: "keep", unknownUnionTags },
    presence: "lenient",
    children: new Map(),
    multipartBodies: new Set(),
    imports: new Set(),
  };
  const shadows = unionShadows(u, scope);
  const { doc, view } = unionView(u, "", "Tool", scope, codecContext(scope, new Set(shadows)));
  return { doc, view, shadows, imports: scope.imports };
}

describe("Scala tagged unions: unknown tags", () => {
  const models = ["search", "code"].map(object);

  it("open by default: an unlisted string tag keeps the object in Unknown(json), written back as it came", () => {
    const { doc, view, shadows, imports } = render(union([tagged("search"), tagged("code")]), "keep", models);
    expect(view.unknown?.name).toBe("Unknown");
    expect(view.decoderLines).toEqual([
      'JsonSupport.tag(c, "type") match {',
      // The wrappers `Search` and `Code` hide the models of the same names inside the companion.
      '  case Right("search") => _root_.acme.models.Search.codec.tryDecode(c).map(Search(_))',
      '  case Right("code") => _root_.acme.models.Code.codec.tryDecode(c).map(Code(_))',
      "  case Right(_) => Right(Unknown(c.value))",
      "  case Left(failure) => Left(failure)",
      "}",
    ]);
    expect(view.encodeCases.at(-1)).toEqual({ pattern: "Unknown(json)", expr: "json" });
    expect(doc.join("\n")).toContain("decodes as `Unknown(json)` and is written back unchanged");
    expect(shadows).toContain("Unknown");
    expect([...imports]).toContain("Json");
  });

  it("closed by `unknownUnionTags: reject`: an unlisted tag fails naming the listed ones", () => {
    const { view, doc } = render(union([tagged("search"), tagged("code")]), "reject", models);
    expect(view.unknown).toBeNull();
    expect(view.decoderLines.at(-2)).toBe('  case other => JsonSupport.unknownTag(c, "Tool", "type", other, List("search", "code"))');
    expect(view.encodeCases.map((c) => c.pattern)).toEqual(["Search(v)", "Code(v)"]);
    expect(doc.join("\n")).toContain("A tag the spec does not list is rejected.");
  });

  it("a variant already named Unknown keeps its name; the fallback takes the next one", () => {
    const { view } = render(union([tagged("unknown"), tagged("code")]), "keep", ["unknown", "code"].map(object));
    expect(view.encodeCases.map((c) => c.pattern)).toEqual(["Unknown(v)", "Code(v)", "Unknown2(json)"]);
  });

  it("beside untagged variants, an unlisted tag is tried after them", () => {
    const { view } = render(union([tagged("search"), { type: { kind: "primitive", type: "string" } }]), "keep", models);
    expect(view.decoderLines.filter((l) => l.includes("unlistedTag"))).toEqual(['        h => JsonSupport.unlistedTag(h, "type").map(Unknown(_)),']);
  });

  it("an untagged union has no unknown case", () => {
    const { view } = render(union([{ type: { kind: "ref", target: "#/search" } }, { type: { kind: "primitive", type: "string" } }], false), "keep", models);
    expect(view.unknown).toBeNull();
    expect(view.decoderLines.join("\n")).not.toContain("Unknown");
  });
});
