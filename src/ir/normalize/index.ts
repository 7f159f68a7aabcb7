// normalize(): every model the API defines (component schemas, the inline schemas of other
// components, operations' bodies, responses and parameters, webhooks, callbacks, and everything a
// $ref reaches) into the closed IR.
import type { SpecSet } from "../../load/loader.js";
import { compareStrings } from "../../common/order.js";
import type { IrDocument, Model, ModelOrigin, Operation, TypeExpr } from "../types.js";
import { NormalizeContext, type At } from "./context.js";
import { isSchemaObject } from "./keywords.js";
import { defineModel } from "./schema-to-type.js";
import { ALL_MODELS, OperationWalker, type ModelSwitches } from "./operations.js";
import { componentPartRoots } from "./component-parts.js";
import { canWalkIncrementally, IncrementalWalk, type NormalizeState, type WalkRoot } from "./incremental/walk.js";
import { requireSomeModels } from "./empty.js";
import { hierarchyKey, trackHierarchies } from "./hierarchy.js";
import { appendPointer } from "../../load/pointer.js";
import { sameCore } from "../content-hash.js";
import { storedTypeFacts } from "../type-facts.js";
import { withHeadKeys } from "./incremental/lazy-models.js";

export interface NormalizeOptions {
  models?: ModelSwitches;
}

export function normalize(specs: SpecSet, options: NormalizeOptions = {}): IrDocument {
  return normalizeWith(specs, options).ir;
}

/** What a run may reuse from the previous one (see incremental/walk.ts and frames.ts), and what it records for the next. */
export interface IncrementalOptions {
  /** What besides the spec's text decides the IR: the tool build and settings (the model switches are added here). */
  basis: string;
  /** The previous run's state; anything else (missing, damaged, foreign) means a full build. */
  previous: unknown;
}

/**
 * normalize(), reusing the models of every root whose inputs did not change since `incremental.previous`;
 * `state` (absent when the spec cannot be walked incrementally) is what the next run reuses from.
 */
export function normalizeWith(
  specs: SpecSet,
  options: NormalizeOptions = {},
  incremental?: IncrementalOptions,
): { ir: IrDocument; state?: NormalizeState; reusedRoots?: number; reusedFrames?: number } {
  const switches = options.models ?? ALL_MODELS;
  const n = new NormalizeContext(specs);
  const walker = new OperationWalker(n, switches);
  const roots = walkRoots(n, switches, walker);
  trackHierarchies(n);
  const eligible = incremental !== undefined && canWalkIncrementally(specs.root, specs.documents().length, specs.overlayFiles().length);
  // Which schemas extend a type is in no text the type's root reads: a change to it changes every record's basis.
  const hierarchies = n.hierarchy ? [hierarchyKey(n.hierarchy)] : [];
  const basis = eligible ? JSON.stringify([incremental.basis, switches, specs.root.file, ...hierarchies]) : "";
  const walk = eligible ? new IncrementalWalk(n, walker.operations, basis, incremental.previous) : undefined;
  for (const root of roots) {
    if (walk) walk.run(root);
    else root.run();
  }
  const ir = assemble(specs, n, walker.operationList(), switches);
  // A root that read another file was rebuilt and left out of the state; a state of such a spec would reuse little.
  if (!walk || specs.documents().length !== 1) return { ir };
  return { ir, state: walk.state(), reusedRoots: walk.reused, reusedFrames: walk.reusedFrames };
}

/** The roots of the walk in their order: component schemas, component parts, path items, webhooks. */
function walkRoots(n: NormalizeContext, switches: ModelSwitches, walker: OperationWalker): WalkRoot[] {
  const specs = n.specs;
  const root = specs.root.value as Record<string, unknown>;
  const components = isSchemaObject(root.components) ? root.components : {};
  const roots: WalkRoot[] = [];
  if (switches.components) {
    const schemas = isSchemaObject(components.schemas) ? components.schemas : {};
    const schemasAt: At = { doc: specs.root, pointer: "/components/schemas", schema: schemas, owner: "" };
    const names = Object.keys(schemas);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = schemas[name];
      // The schema is checked when its root runs, so errors come in the walk's order as before.
      const run = () => {
        const at = n.child(schemasAt, name, value);
        defineModel(n, { ...at, owner: at.pointer }, [name]);
      };
      roots.push({ pointer: appendPointer("/components/schemas", name), run });
    }
    roots.push(...componentPartRoots(n, { doc: specs.root, pointer: "/components", value: components }, switches.parameters));
  }
  return [...roots, ...walker.roots()];
}

function assemble(specs: SpecSet, n: NormalizeContext, operations: Operation[], switches: ModelSwitches): IrDocument {
  const root = specs.root.value as Record<string, unknown>;
  const models = finish(n.models.values());
  requireSomeModels(specs, models, switches);
  const info = isSchemaObject(root.info) ? root.info : {};
  const spec: IrDocument["spec"] = { file: specs.root.file, openapi: String(root.openapi) };
  if (typeof info.title === "string") spec.title = info.title;
  if (typeof info.version === "string") spec.version = info.version;
  const ir: IrDocument = { irVersion: 1, spec, models, report: n.degradations() };
  return operations.length ? { ...ir, operations, report: ir.report } : ir;
}

/**
 * Sorts models, links hoisted ones to their parent, gives each its origin, and spreads model-level null to references.
 * A copy that only sets a parent or an origin takes its original's core hash, when one is known (a model reused from a record: sameCore).
 */
function finish(input: Iterable<Model>): Model[] {
  // Loops, not chains of map/filter and pairs: this runs once per run over every model (~2,700), mostly before the JIT has warmed up.
  const byId = new Map<string, Model>();
  const nullable = new Set<string>();
  for (const m of input) {
    const model = nullAtUseSite(m);
    byId.set(model.id, model);
    if (model.nullable) nullable.add(model.id);
  }
  const linked = new Map<string, Model>();
  byId.forEach((m) => {
    const withLink = withParent(m, byId);
    if (withLink !== m) sameCore(withLink, m);
    linked.set(m.id, withLink);
  });
  const out: Model[] = [];
  linked.forEach((m) => {
    const origin = originOf(m, linked);
    const stamped: Model = origin && m.origin !== origin ? withHeadKeys(m, { origin }) : m;
    if (stamped !== m) sameCore(stamped, m);
    out.push(nullable.size && mayReferTo(stamped, nullable) ? spreadNullable(stamped, nullable) : stamped);
  });
  return out.sort(byIdOrder);
}

/** False when `m` certainly refers to none of `ids`: a model still waiting for its content says so without it (ir/type-facts.ts). */
function mayReferTo(m: Model, ids: ReadonlySet<string>): boolean {
  const facts = storedTypeFacts(m);
  return !facts || facts.refs.some((target) => ids.has(target));
}

function byIdOrder(a: Model, b: Model): number {
  return compareStrings(a.id, b.id);
}

/** `items` with each one's type spread, copied only from the first one that changes (else `items` itself). */
function withTypesSpread<T extends { type: TypeExpr }>(items: T[], nullable: ReadonlySet<string>): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const type = spreadType(item.type, nullable);
    if (type === item.type) continue;
    out ??= items.slice();
    out[i] = { ...item, type };
  }
  return out ?? items;
}

/** `t` with a reference to a nullable model made nullable (in arrays and maps too), copied only where that changes it. */
function spreadType(t: TypeExpr, nullable: ReadonlySet<string>): TypeExpr {
  if (t.kind === "ref") return nullable.has(t.target) && !t.nullable ? { ...t, nullable: true } : t;
  if (t.kind === "array") {
    const items = spreadType(t.items, nullable);
    return items === t.items ? t : { ...t, items };
  }
  if (t.kind === "map") {
    const values = spreadType(t.values, nullable);
    return values === t.values ? t : { ...t, values };
  }
  return t;
}

/**
 * Every reference to a nullable model made nullable. Only what changes is copied (the model, the
 * field or variant, the array or map around the reference): most models refer to no nullable model,
 * and copying every model, field and type was most of finish()'s time and garbage. The result equals
 * `mapTypes` with the same function (tested).
 */
export function spreadNullable(m: Model, nullable: ReadonlySet<string>): Model {
  switch (m.kind) {
    case "object": {
      const fields = withTypesSpread(m.fields, nullable);
      const extra = m.additionalProperties && spreadType(m.additionalProperties, nullable);
      if (fields === m.fields && extra === m.additionalProperties) return m;
      const out = { ...m, fields };
      if (extra) out.additionalProperties = extra;
      return out;
    }
    case "union": {
      const variants = withTypesSpread(m.variants, nullable);
      return variants === m.variants ? m : { ...m, variants };
    }
    case "alias": {
      const type = spreadType(m.type, nullable);
      return type === m.type ? m : { ...m, type };
    }
    case "enum":
      return m;
  }
}

/**
 * A nullable alias (`Metadata: anyOf [map, null]`) names the value; null belongs to the uses, as
 * for every other nullable model: the model says `nullable` and each reference is nullable.
 */
function nullAtUseSite(m: Model): Model {
  if (m.kind !== "alias" || !m.type.nullable || m.type.kind === "unknown") return m;
  const { nullable: _, ...type } = m.type;
  return { ...m, type, nullable: true };
}

/** A hoisted model comes from where its outermost parent does; a top-level one from another file is a file's. */
function originOf(m: Model, byId: Map<string, Model>): ModelOrigin | undefined {
  let top = m;
  for (let up = m.parent ? byId.get(m.parent) : undefined; up; up = up.parent ? byId.get(up.parent) : undefined) top = up;
  if (top.origin) return top.origin;
  return top.id.startsWith("#") ? undefined : "file";
}

/** The parent of a hoisted model is the nearest enclosing schema that is itself a model. */
function withParent(m: Model, byId: Map<string, Model>): Model {
  // Each enclosing pointer is the id cut at one of its slashes after the `#`, nearest first.
  const hash = m.id.indexOf("#");
  for (let end = m.id.lastIndexOf("/"); end > hash; end = m.id.lastIndexOf("/", end - 1)) {
    const candidate = m.id.slice(0, end);
    if (byId.has(candidate)) return withHeadKeys(m, { parent: candidate });
    if (end === hash + 1) break;
  }
  return m;
}
