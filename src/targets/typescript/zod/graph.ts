// Which schema references must be lazy and which schemas need a type annotation.
//
// A `const` can only be read once it is initialized, and ES modules that import each other in a
// cycle run one before the other. So a reference to another schema is written directly only when
// the target is certainly initialized first: declared earlier in the same file (files order their
// schemas dependencies first), or in a file outside the importing file's import cycle (ESM runs a
// module's dependencies first). Every other reference is `z.lazy(() => XSchema)`.
//
// TypeScript cannot infer the type of a const whose initializer depends on itself, so the schemas
// of models on a reference cycle (Tree -> Tree, A -> B -> A) are annotated with their model's type,
// `z.ZodType<Tree>`, which also makes the recursive reference typed.
import { components } from "../../../ir/graph.js";
import { isInlineEnum, type ModelIndex } from "../../../ir/query.js";
import type { Model, TypeExpr } from "../../../ir/types.js";

export interface SchemaGraph {
  /** Schemas declared `: z.ZodType<Model>` (their model is on a reference cycle). */
  annotated: ReadonlySet<string>;
  /** Is the reference from the schema of `from` to the schema of `to` written `z.lazy(() => ...)`? */
  isLazy(from: string, to: string): boolean;
  /** The order a file declares its schemas in, by top-level model id. */
  order: ReadonlyMap<string, readonly string[]>;
}

/** Models that get a schema: all but enums written inline where they are used. */
export function hasSchema(m: Model | undefined): m is Model {
  return m !== undefined && !isInlineEnum(m);
}

/** The models whose schemas a model's schema refers to, in the order it mentions them. */
function schemaRefs(m: Model, models: ModelIndex): string[] {
  const out = new Set<string>();
  const visit = (t: TypeExpr): void => {
    if (t.kind === "ref") {
      if (hasSchema(models.get(t.target))) out.add(t.target);
    } else if (t.kind === "array") visit(t.items);
    else if (t.kind === "map") visit(t.values);
  };
  switch (m.kind) {
    case "object":
      for (const f of m.fields) visit(f.type);
      if (m.additionalProperties) visit(m.additionalProperties);
      break;
    case "union":
      for (const v of m.variants) visit(v.type);
      break;
    case "alias":
      visit(m.type);
      break;
    case "enum":
      break;
  }
  return [...out];
}

/**
 * @param files the models of each file (top-level id -> its models, the top-level one first, then
 * its hoisted models in declaration order)
 * @param ownerOf the file (top-level model id) a model is declared in
 */
export function schemaGraph(
  files: ReadonlyMap<string, readonly Model[]>,
  models: ModelIndex,
  ownerOf: (id: string) => string,
): SchemaGraph {
  const refs = new Map<string, string[]>();
  for (const list of files.values()) for (const m of list) refs.set(m.id, schemaRefs(m, models));

  const modelComponent = components([...refs.keys()], (id) => refs.get(id) ?? []);
  const annotated = new Set<string>();
  for (const [id, targets] of refs) {
    if (targets.some((t) => modelComponent.get(t) === modelComponent.get(id))) annotated.add(id);
  }

  const fileEdges = new Map<string, Set<string>>();
  for (const [id, targets] of refs) {
    const from = ownerOf(id);
    for (const t of targets) {
      const to = ownerOf(t);
      if (to !== from) (fileEdges.get(from) ?? fileEdges.set(from, new Set()).get(from)!).add(to);
    }
  }
  const fileComponent = components([...files.keys()], (f) => [...(fileEdges.get(f) ?? [])]);

  // Within a file: dependencies first, depth first from the declaration order; a reference back
  // into a schema still being ordered closes a cycle and stays lazy.
  const order = new Map<string, string[]>();
  const position = new Map<string, number>();
  for (const [file, list] of files) {
    const done: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (id: string): void => {
      if (state.has(id)) return;
      state.set(id, "visiting");
      for (const t of refs.get(id) ?? []) if (ownerOf(t) === file) visit(t);
      state.set(id, "done");
      position.set(id, done.length);
      done.push(id);
    };
    for (const m of list) visit(m.id);
    order.set(file, done);
  }

  return {
    annotated,
    order,
    isLazy(from, to) {
      const a = ownerOf(from);
      const b = ownerOf(to);
      if (a === b) return position.get(to)! >= position.get(from)!;
      return fileComponent.get(a) === fileComponent.get(b);
    },
  };
}
