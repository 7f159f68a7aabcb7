// One old model against its new counterpart (same id or renamed): kind, null, default,
// deprecation, then fields (objects), values (enums), variants (unions) or the aliased type.
import { isDeepStrictEqual } from "node:util";
import type { Docs, EnumMember, EnumModel, Field, JsonValue, Model, ObjectModel, TypeExpr, UnionModel, UnionVariant } from "../ir/types.js";
import type { DiffContext, Site } from "./context.js";
import { compareTypes } from "./compare-types.js";
import { typeText } from "./describe.js";
import { defaultText, literalText } from "../ir/query.js";
import type { ShapeEquality } from "./shape.js";

export function compareModels(a: Model, b: Model, ctx: DiffContext, shapes: ShapeEquality): void {
  const site: Site = { model: b.id, side: "new", path: "" };
  if (a.kind !== b.kind) {
    // An alias is a type by another name (a one-value enum is a literal alias): compare the types it stands for.
    if (a.kind === "alias" || b.kind === "alias") {
      const asType = (m: Model): TypeExpr => (m.kind === "alias" ? m.type : { kind: "ref", target: m.id });
      compareTypes(asType(a), asType(b), site, ctx, shapes);
      return;
    }
    ctx.emit("model-kind-changed", site, {
      message: `${a.kind} → ${b.kind}`,
      before: a.kind,
      after: b.kind,
      response: "breaking",
      request: "breaking",
    });
    return;
  }
  // Every reference to a nullable model is nullable too: a hoisted model's null is reported where it is used.
  if (!b.parent && !a.nullable && b.nullable)
    ctx.emit("nullable-gained", site, { message: "now admits null", response: "breaking", request: "safe" });
  if (!b.parent && a.nullable && !b.nullable)
    ctx.emit("nullable-lost", site, { message: "no longer admits null", response: "safe", request: "breaking" });
  compareDefault(a, b, site, ctx);
  compareDeprecation(a.docs, b.docs, site, ctx);
  if (a.kind === "object" && b.kind === "object") compareObjects(a, b, ctx, shapes);
  else if (a.kind === "enum" && b.kind === "enum") compareEnums(a, b, ctx);
  else if (a.kind === "union" && b.kind === "union") compareUnions(a, b, ctx, shapes);
  else if (a.kind === "alias" && b.kind === "alias") compareTypes(a.type, b.type, site, ctx, shapes);
}

function compareObjects(a: ObjectModel, b: ObjectModel, ctx: DiffContext, shapes: ShapeEquality): void {
  const before = new Map(a.fields.map((f) => [f.name, f]));
  const after = new Map(b.fields.map((f) => [f.name, f]));
  const at = (f: Field): Site => ({ model: b.id, side: "new", path: f.name });
  for (const f of b.fields) {
    const old = before.get(f.name);
    if (!old) {
      const type = typeText(f.type, ctx.new_);
      if (f.required)
        ctx.emit("required-field-added", at(f), {
          message: `required field added: ${type}`,
          after: type,
          response: { safeIf: ["ignoresUnknownFields"] },
          request: "breaking",
        });
      else
        ctx.emit("optional-field-added", at(f), {
          message: `optional field added: ${type}`,
          after: type,
          response: { safeIf: ["ignoresUnknownFields"] },
          request: "safe",
        });
      continue;
    }
    const site = at(f);
    if (old.required && !f.required)
      ctx.emit("field-became-optional", site, { message: "required → optional", response: "breaking", request: "safe" });
    if (!old.required && f.required)
      ctx.emit("field-became-required", site, { message: "optional → required", response: "safe", request: "breaking" });
    compareTypes(old.type, f.type, { ...site, optionalField: !old.required }, ctx, shapes);
    compareDefault(old, f, site, ctx);
    compareDeprecation(old.docs, f.docs, site, ctx);
  }
  for (const f of a.fields) {
    if (after.has(f.name)) continue;
    const type = typeText(f.type, ctx.old);
    const site: Site = { model: b.id, side: "new", path: f.name };
    if (f.required)
      ctx.emit("required-field-removed", site, {
        message: `required field removed (was ${type})`,
        before: type,
        response: "breaking",
        request: "safe",
      });
    else
      ctx.emit("optional-field-removed", site, {
        message: `optional field removed (was ${type})`,
        before: type,
        response: "safe",
        request: "safe",
      });
  }
  const extra: Site = { model: b.id, side: "new", path: "{*}" };
  if (!a.additionalProperties && b.additionalProperties) {
    ctx.emit("additional-properties-added", extra, {
      message: `extra keys allowed: ${typeText(b.additionalProperties, ctx.new_)}`,
      response: { safeIf: ["ignoresUnknownFields"] },
      request: "safe",
    });
  } else if (a.additionalProperties && !b.additionalProperties) {
    ctx.emit("additional-properties-removed", extra, { message: "extra keys no longer allowed", response: "safe", request: "breaking" });
  } else if (a.additionalProperties && b.additionalProperties) {
    compareTypes(a.additionalProperties, b.additionalProperties, extra, ctx, shapes);
  }
}

/** Values named in a message; all of them are in the change's `values`. */
const LISTED_VALUES = 12;

function compareEnums(a: EnumModel, b: EnumModel, ctx: DiffContext): void {
  // Values as the spec wrote them: two integers beyond 2^53 may read as one double.
  const before = new Set(a.members.map(literalText));
  const after = new Set(b.members.map(literalText));
  const added = b.members.filter((x) => !before.has(literalText(x)));
  const removed = a.members.filter((x) => !after.has(literalText(x)));
  const site: Site = { model: b.id, side: "new", path: "" };
  const list = (vs: EnumMember[]) => {
    const shown = vs.slice(0, LISTED_VALUES).map(literalText);
    return vs.length > LISTED_VALUES ? `${shown.join(", ")} and ${vs.length - LISTED_VALUES} more` : shown.join(", ");
  };
  if (added.length)
    ctx.emit("enum-value-added", site, {
      message: `${added.length === 1 ? "value" : `${added.length} values`} added: ${list(added)}`,
      values: added.map((x) => x.value),
      response: { safeIf: ["enumUnknownFallback", "uncheckedDecoding"] },
      request: "safe",
    });
  if (removed.length)
    ctx.emit("enum-value-removed", site, {
      message: `${removed.length === 1 ? "value" : `${removed.length} values`} removed: ${list(removed)}`,
      values: removed.map((x) => x.value),
      response: "safe",
      request: "breaking",
    });
}

function compareUnions(a: UnionModel, b: UnionModel, ctx: DiffContext, shapes: ShapeEquality): void {
  const site: Site = { model: b.id, side: "new", path: "" };
  const oldLeft = [...a.variants];
  const newLeft: UnionVariant[] = [];
  // Same variant: the same (or renamed) model, or an equal type.
  for (const v of b.variants) {
    const i = oldLeft.findIndex((o) => sameVariant(o.type, v.type, ctx, shapes));
    if (i >= 0) oldLeft.splice(i, 1);
    else newLeft.push(v);
  }
  // A tag kept with another type: compared as a type change of that variant.
  for (const v of [...newLeft]) {
    if (!v.tags?.length) continue;
    const i = oldLeft.findIndex((o) => isDeepStrictEqual(o.tags, v.tags));
    if (i < 0) continue;
    compareTypes(oldLeft[i]!.type, v.type, { ...site, path: `(${v.tags.join("|")})` }, ctx, shapes);
    oldLeft.splice(i, 1);
    newLeft.splice(newLeft.indexOf(v), 1);
  }
  // One untagged variant replaced by another (`"ada-002"` by an enum of models): a type change of that variant.
  if (oldLeft.length === 1 && newLeft.length === 1 && !oldLeft[0]!.tags?.length && !newLeft[0]!.tags?.length) {
    compareTypes(oldLeft[0]!.type, newLeft[0]!.type, { ...site, path: "(variant)" }, ctx, shapes);
    return;
  }
  const label = (v: UnionVariant, side: "old" | "new") =>
    typeText(v.type, side === "old" ? ctx.old : ctx.new_) + (v.tags?.length ? ` (${v.tags.map((t) => JSON.stringify(t)).join(", ")})` : "");
  for (const v of newLeft) {
    const tagged = !!b.discriminator && !!v.tags?.length;
    ctx.emit("union-variant-added", site, {
      message: `variant added: ${label(v, "new")}`,
      after: label(v, "new"),
      response: { safeIf: tagged ? ["unionUnknownTagFallback", "uncheckedDecoding"] : ["uncheckedDecoding"] },
      request: "safe",
    });
  }
  for (const v of oldLeft)
    ctx.emit("union-variant-removed", site, {
      message: `variant removed: ${label(v, "old")}`,
      before: label(v, "old"),
      response: "safe",
      request: "breaking",
    });
}

function sameVariant(o: TypeExpr, n: TypeExpr, ctx: DiffContext, shapes: ShapeEquality): boolean {
  if (o.kind === "ref" && n.kind === "ref") return ctx.paired(o.target, n.target) || shapes.models(o.target, n.target);
  return shapes.types(o, n);
}

/** What holds a default: a model or a field. */
type DefaultHolder = { default?: JsonValue; defaultExact?: string };

function compareDefault(old: DefaultHolder, now: DefaultHolder, site: Site, ctx: DiffContext): void {
  if (isDeepStrictEqual(old.default, now.default) && old.defaultExact === now.defaultExact) return;
  // As the spec wrote them (digits beyond 2^53 kept).
  const a = defaultText(old);
  const b = defaultText(now);
  const message = a === undefined ? `default ${b} added` : b === undefined ? `default ${a} removed` : `default ${a} → ${b}`;
  ctx.emit("default-changed", site, {
    message,
    ...(a !== undefined ? { before: a } : {}),
    ...(b !== undefined ? { after: b } : {}),
    response: "safe",
    request: "safe",
  });
}

function compareDeprecation(a: Docs, b: Docs, site: Site, ctx: DiffContext): void {
  if (!a.deprecated && b.deprecated) ctx.emit("deprecated", site, { message: "deprecated", response: "safe", request: "safe" });
  if (a.deprecated && !b.deprecated) ctx.emit("undeprecated", site, { message: "no longer deprecated", response: "safe", request: "safe" });
}

