// `include` / `exclude`: model names (globs), `tag:<name>` and `path:<glob>` (operations). The
// output is the closure: every included model, everything it references, the models nesting it;
// an exclude that would leave a reference dangling is an error naming both models.
import type Picomatch from "picomatch";
import { lazyPackage } from "../../common/lazy-package.js";
import { UsageError } from "../../common/errors.js";
import type { IrDocument, Model, Operation, TypeExpr } from "../types.js";
import { forEachType, typesOfModel } from "../walk.js";
import { modelKey } from "./model-keys.js";

/** Only a selection with globs needs picomatch. */
const loadPicomatch = lazyPackage<typeof Picomatch>("picomatch");
const picomatch = (...args: Parameters<typeof Picomatch>) => loadPicomatch()(...args);

export interface SelectSettings {
  include?: string[];
  exclude?: string[];
}

interface Pattern {
  text: string;
  models(ir: IrDocument): Model[];
}

export function selectModels(ir: IrDocument, settings: SelectSettings): IrDocument {
  const include = (settings.include ?? []).map((p) => pattern(p, "include"));
  const exclude = (settings.exclude ?? []).map((p) => pattern(p, "exclude"));
  if (include.length === 0 && exclude.length === 0) return ir;
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const excluded = new Set<string>();
  for (const p of exclude) {
    const hits = p.models(ir);
    if (hits.length === 0) throw new UsageError(`exclude: "${p.text}" matches no model`);
    for (const m of hits) for (const id of withNested(m, ir.models)) excluded.add(id);
  }
  let roots: Model[];
  if (include.length) {
    roots = [];
    for (const p of include) {
      const hits = p.models(ir);
      if (hits.length === 0) throw new UsageError(`include: "${p.text}" matches no model`);
      roots.push(...hits);
    }
  } else roots = ir.models.filter((m) => !excluded.has(m.id));
  const kept = closure(roots.filter((m) => !excluded.has(m.id)), byId, excluded);
  const models = ir.models.filter((m) => kept.has(m.id));
  const operations = (ir.operations ?? []).map((op) => keepParts(op, kept)).filter((op): op is Operation => op !== undefined);
  const out: IrDocument = { ...ir, models };
  if (operations.length) out.operations = operations;
  else delete out.operations;
  return out;
}

function pattern(text: string, setting: string): Pattern {
  if (text.startsWith("tag:")) {
    const tag = text.slice(4);
    return { text, models: (ir) => operationModels(ir, (op) => (op.tags ?? []).includes(tag)) };
  }
  if (text.startsWith("path:")) {
    const glob = text.slice(5);
    if (glob === "") throw new UsageError(`${setting}: "${text}" needs a path glob after "path:"`);
    const matches = picomatch(glob, { dot: true });
    return { text, models: (ir) => operationModels(ir, (op) => op.kind === "path" && matches(op.path)) };
  }
  const matches = picomatch(text, { dot: true });
  return { text, models: (ir) => ir.models.filter((m) => matches(modelKey(m))) };
}

/** The models of the operations that `pick` selects: parameters, bodies, responses. */
function operationModels(ir: IrDocument, pick: (op: Operation) => boolean): Model[] {
  const ids = new Set<string>();
  for (const op of ir.operations ?? []) {
    if (!pick(op)) continue;
    if (op.params) ids.add(op.params);
    for (const part of [...op.requests, ...op.responses]) forEachType(part.type, (t) => t.kind === "ref" && ids.add(t.target));
  }
  return ir.models.filter((m) => ids.has(m.id));
}

/** A model and every model hoisted inside it. */
function withNested(m: Model, models: Model[]): string[] {
  const ids = [m.id];
  for (let i = 0; i < ids.length; i++) for (const c of models) if (c.parent === ids[i]) ids.push(c.id);
  return ids;
}

/** Everything the roots reach through references, plus the parents that nest them. */
function closure(roots: Model[], byId: Map<string, Model>, excluded: Set<string>): Set<string> {
  const kept = new Set<string>();
  const queue = [...roots];
  const refsOf = (m: Model) => {
    const out: string[] = [];
    for (const t of typesOfModel(m)) forEachType(t, (x: TypeExpr) => x.kind === "ref" && out.push(x.target));
    return out;
  };
  while (queue.length) {
    const m = queue.pop()!;
    if (kept.has(m.id)) continue;
    kept.add(m.id);
    const next = [...refsOf(m), ...(m.parent ? [m.parent] : [])];
    for (const id of next) {
      const target = byId.get(id);
      if (!target) continue;
      if (excluded.has(id))
        throw new UsageError(
          `exclude: ${modelKey(m)} references ${modelKey(target)}` +
            `, which is excluded; exclude ${modelKey(m)} too or keep ${modelKey(target)}`,
        );
      queue.push(target);
    }
  }
  return kept;
}

/** An operation with the parts whose models are kept; none left: dropped from the index. */
function keepParts(op: Operation, kept: Set<string>): Operation | undefined {
  const has = (t: TypeExpr) => {
    let ok = true;
    forEachType(t, (x) => {
      if (x.kind === "ref" && !kept.has(x.target)) ok = false;
    });
    return ok;
  };
  const requests = op.requests.filter((r) => has(r.type));
  const responses = op.responses.filter((r) => has(r.type));
  const params = op.params && kept.has(op.params) ? op.params : undefined;
  if (!params && requests.length === 0 && responses.length === 0) return undefined;
  const out: Operation = { ...op, requests, responses };
  if (params) out.params = params;
  else delete out.params;
  return out;
}
