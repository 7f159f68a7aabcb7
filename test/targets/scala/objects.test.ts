import { describe, expect, it } from "vitest";
import { objectView } from "../../../src/targets/scala/objects.js";
import { codecContext, type FileScope } from "../../../src/targets/scala/scope.js";
import { assignNames } from "../../../src/naming/assign.js";
import { scalaNamingRules } from "../../../src/targets/scala/naming.js";
import { indexModels } from "../../../src/ir/query.js";
import type { Field, IrDocument, Model, ObjectModel } from "../../../src/ir/types.js";

const src = { file: "", line: 1, col: 1, pointer: "" };
const field = (name: string, extra: Partial<Field> = {}): Field => ({ name, type: { kind: "primitive", type: "string" }, required: true, docs: {}, source: src, ...extra });

describe("Scala objects: a renamed field keeps its wire name as the JSON key", () => {
  // `rename.fields` sets Field.identifier: the case class parameter takes it, the codec keeps `name`.
  const model: ObjectModel = {
    id: "#/Pet",
    kind: "object",
    nameHint: ["Pet"],
    fields: [field("owner_name", { identifier: "keeper" }), field("type", { identifier: "kind", required: false }), field("created_at")],
    docs: {},
    source: src,
  };
  const ir: IrDocument = { irVersion: 1, spec: { file: "x.yaml", openapi: "3.1.0" }, report: [], models: [model as Model] };
  const scope: FileScope = {
    models: indexModels(ir.models),
    names: assignNames(ir, scalaNamingRules),
    options: { package: "acme.models", unknownEnumValues: "keep", unknownUnionTags: "keep" },
    presence: "lenient",
    children: new Map(),
    multipartBodies: new Set(),
    imports: new Set(),
  };
  const { doc, view } = objectView(model, "", scope, codecContext(scope, new Set()));

  it("parameters are named by the identifier", () => {
    expect(view.params.map((p) => p.name)).toEqual(["keeper", "kind", "createdAt"]);
  });

  it("the decoder and encoder read and write the wire name", () => {
    expect(view.decodeArgs).toEqual([
      { name: "keeper", expr: 'r.required("owner_name", JsonSupport.string)' },
      { name: "kind", expr: 'r.optional("type", JsonSupport.string)' },
      { name: "createdAt", expr: 'r.required("created_at", JsonSupport.string)' },
    ]);
    expect(view.encodeSteps).toEqual([
      '.required("owner_name", a.keeper, JsonSupport.string)',
      '.optional("type", a.kind, JsonSupport.string)',
      '.required("created_at", a.createdAt, JsonSupport.string)',
    ]);
  });

  it("the scaladoc names the JSON key where it differs", () => {
    expect(doc).toContain(" * @param keeper JSON key: `owner_name`.");
    expect(doc.some((l) => l.startsWith(" * @param kind JSON key: `type`."))).toBe(true);
  });
});
