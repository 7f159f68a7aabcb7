// normalize(): every component schema (and everything a $ref reaches) into the closed IR.
import type { SpecSet } from "../../load/loader.js";
import { compareStrings } from "../order.js";
import type { IrDocument, Model, TypeExpr } from "../types.js";
import { NormalizeContext, type At } from "./context.js";
import { isSchemaObject } from "./keywords.js";
import { defineModel } from "./schema-to-type.js";
import { mapTypes } from "../walk.js";

export function normalize(specs: SpecSet): IrDocument {
  const n = new NormalizeContext(specs);
  const root = specs.root.value as Record<string, unknown>;
  const components = isSchemaObject(root.components) ? root.components : {};
  const schemas = isSchemaObject(components.schemas) ? components.schemas : {};
  const schemasAt: At = { doc: specs.root, pointer: "/components/schemas", schema: schemas, owner: "" };
  for (const [name, value] of Object.entries(schemas)) {
    const at = n.child(schemasAt, name, value);
    defineModel(n, { ...at, owner: at.pointer }, [name]);
  }
  const models = finish([...n.models.values()]);
  const info = isSchemaObject(root.info) ? root.info : {};
  const spec: IrDocument["spec"] = { file: specs.root.file, openapi: String(root.openapi) };
  if (typeof info.title === "string") spec.title = info.title;
  if (typeof info.version === "string") spec.version = info.version;
  return { irVersion: 1, spec, models, report: n.degradations() };
}

/** Sorts models, links hoisted ones to their parent, and spreads model-level null to references. */
function finish(models: Model[]): Model[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const nullable = new Set(models.filter((m) => m.kind !== "alias" && m.nullable).map((m) => m.id));
  const spread = (t: TypeExpr): TypeExpr => (t.kind === "ref" && nullable.has(t.target) && !t.nullable ? { ...t, nullable: true } : t);
  const out = models.map((m) => {
    const linked = withParent(m, byId);
    return nullable.size ? mapTypes(linked, spread) : linked;
  });
  return out.sort((a, b) => compareStrings(a.id, b.id));
}

/** The parent of a hoisted model is the nearest enclosing schema that is itself a model. */
function withParent(m: Model, byId: Map<string, Model>): Model {
  const hash = m.id.indexOf("#");
  const prefix = m.id.slice(0, hash + 1);
  const tokens = m.id.slice(hash + 1).split("/").slice(1);
  for (let len = tokens.length - 1; len > 0; len--) {
    const candidate = prefix + appendRaw(tokens.slice(0, len));
    if (candidate !== m.id && byId.has(candidate)) return { ...m, parent: candidate };
  }
  return m;
}

function appendRaw(escapedTokens: string[]): string {
  return escapedTokens.length ? "/" + escapedTokens.join("/") : "";
}

