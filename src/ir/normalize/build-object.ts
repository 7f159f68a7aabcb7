// Object models: properties (merged through allOf), presence decided after merging, extra keys.
import type { Field, Model, ObjectModel } from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import { objectView } from "./object-view.js";
import { isRequiredOnlyUnion, typeOf } from "./schema-to-type.js";
import { copyDefault } from "./exact-digits.js";

type Common = Omit<Model, "kind">;

export function buildObject(n: NormalizeContext, at: At, common: Common, hint: string[]): ObjectModel {
  const view = objectView(n, at, hint);
  if (isRequiredOnlyUnion(at.schema)) {
    n.report(
      "ignored-keyword",
      at,
      "a oneOf/anyOf of `required` lists (which properties must appear together) is not represented; the properties stay as declared",
    );
  }
  for (let i = 0; i < view.problems.length; i++) n.report("allof-conflict", view.problems[i]!.at, view.problems[i]!.message);
  const fields: Field[] = [];
  // forEach, not for-of with destructuring (see collect in object-view.ts): once per property of the spec.
  view.properties.forEach((entry, name) => {
    const use = typeOf(n, entry.at, [...entry.hint, name]);
    const field: Field = { name, type: use.type, required: view.required.has(name), docs: use.docs, source: n.source(entry.at) };
    copyDefault(use, field);
    fields.push(field);
  });
  view.required.forEach((name) => {
    if (view.properties.has(name)) return;
    // `required` may name a property no member declares: it must be present, with any value.
    n.report("became-unknown", at, `required property "${name}" has no schema; typed as unknown`);
    fields.push({ name, type: { kind: "unknown" }, required: true, docs: {}, source: n.source(at) });
  });
  const model: ObjectModel = { ...common, kind: "object", fields };
  const extra = view.additional;
  if (extra === true) model.additionalProperties = { kind: "unknown" };
  else if (extra !== undefined && extra !== false) model.additionalProperties = typeOf(n, extra.at, [...extra.hint, "value"]).type;
  if (view.mergedFrom.length) model.mergedFrom = [...new Set(view.mergedFrom)];
  return model;
}
