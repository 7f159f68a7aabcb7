// The keys of incremental regeneration (src/emit/unit-keys.ts): what the languages of one thread
// share (edges, components, contents) is worked out once per IR, so keys must be the same whether
// another language used them first on the same IR or not; a model's files are stale when its key
// changed or a model it reaches was renamed (reachingRenamed), and only then.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reachingRenamed, renamedSince, unitKeys } from "../../src/emit/unit-keys.js";
import { components, componentNumbers } from "../../src/ir/graph.js";
import { sha256 } from "../../src/common/hash.js";
import { forEachType, typesOfModel } from "../../src/ir/walk.js";
import { typeNamesOf } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { rustNamingRules } from "../../src/targets/rust/naming.js";
import { elixirNamingRules } from "../../src/targets/elixir/naming.js";
import { irOf, REPO } from "../helpers/generate.js";
import type { IrDocument, Model, ObjectModel } from "../../src/ir/types.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const RULES = { typescript: tsNamingRules, rust: rustNamingRules, elixir: elixirNamingRules };
type Lang = keyof typeof RULES;

/** The models whose files a regeneration from `before` to `after` renders again in `lang`: key changed, or reaching a renamed model. */
const staleIn = (before: IrDocument, after: IrDocument, lang: Lang): Set<string> => {
  const renamed = renamedSince(
    after,
    typeNamesOf(after, RULES[lang]),
    typeNamesOf(before, RULES[lang]),
    before.models.map((m) => m.id),
  );
  const reached = reachingRenamed(after, renamed);
  const a = unitKeys(before);
  const b = unitKeys(after);
  return new Set(after.models.filter((m) => a.get(m.id) !== b.get(m.id) || reached.has(m.id)).map((m) => m.id));
};

/**
 * The keys as first written (maps by id, components by `components`): what unitKeys must give,
 * whatever it is worked out on.
 */
function referenceKeys(ir: IrDocument): Map<string, string> {
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  const children = new Map<string, string[]>();
  for (const m of ir.models) if (m.parent) children.set(m.parent, [...(children.get(m.parent) ?? []), m.id]);
  const content = new Map<string, string>();
  const edges = new Map<string, string[]>();
  for (const m of ir.models) {
    const out = new Set<string>();
    const missing: string[] = [];
    for (const t of typesOfModel(m))
      forEachType(t, (x) => x.kind === "ref" && (byId.has(x.target) ? out.add(x.target) : missing.push(x.target)));
    if (m.parent && byId.has(m.parent)) out.add(m.parent);
    for (const c of children.get(m.id) ?? []) out.add(c);
    edges.set(m.id, [...out]);
    // The content hash (src/ir/content-hash.ts): the core's sha256 (no positions, parent or origin), then the parent and origin.
    const core =
      m.kind === "object"
        ? { ...m, source: undefined, parent: undefined, origin: undefined, fields: m.fields.map((f) => ({ ...f, source: undefined })) }
        : { ...m, source: undefined, parent: undefined, origin: undefined };
    const linked = m.parent === undefined && m.origin === undefined ? "" : `${m.parent === undefined ? "-" : `${m.parent.length}:${m.parent}`}${m.origin ?? ""}`;
    content.set(m.id, `${sha256(JSON.stringify(core))}${linked} ${JSON.stringify(missing.sort())}`);
  }
  const ids = ir.models.map((m) => m.id);
  const comp = components(ids, (id) => edges.get(id)!);
  const members: string[][] = [];
  for (const id of ids) (members[comp.get(id)!] ??= []).push(id);
  const structure: string[] = [];
  for (let c = 0; c < members.length; c++) {
    const list = members[c]!.sort();
    const to = new Set<number>();
    for (const id of list) for (const e of edges.get(id)!) if (comp.get(e) !== c) to.add(comp.get(e)!);
    const next = [...to].map((n) => structure[n]!).sort();
    structure.push(sha256([...list.map((id) => content.get(id)!).sort(), "->", ...next].join("\n")));
  }
  return new Map(ids.map((id) => [id, structure[comp.get(id)!]!]));
}

describe("unitKeys", () => {
  it("gives the keys of the reference walk: with models repeated, references and parents missing, cycles", () => {
    const ir = structuredClone(irOf(SPEC));
    expect(unitKeys(ir)).toEqual(referenceKeys(ir));
    const odd = structuredClone(ir);
    const [a, b, c] = odd.models.filter((m): m is ObjectModel => m.kind === "object" && m.fields.length > 1);
    // A cycle of three, a reference to no model, a parent that is no model, and a model whose id repeats (with other content).
    a!.fields[0]!.type = { kind: "array", items: { kind: "ref", target: b!.id } };
    b!.fields[0]!.type = { kind: "map", values: { kind: "ref", target: c!.id } };
    c!.fields[0]!.type = { kind: "ref", target: a!.id };
    c!.fields[1]!.type = { kind: "ref", target: "#/components/schemas/Nowhere" };
    b!.fields[1]!.type = { kind: "ref", target: "#/components/schemas/Elsewhere" };
    a!.parent = "#/components/schemas/NoParent";
    odd.models.push({ ...structuredClone(b!), docs: { description: "the same id again" } });
    const keys = unitKeys(odd);
    expect(keys).toEqual(referenceKeys(odd));
    expect(new Set([a, b, c].map((m) => keys.get(m!.id))).size).toBe(1);
    expect(keys.get(a!.id)).not.toBe(unitKeys(ir).get(a!.id));
  });

  it("gives the keys an IR gets when no language used them first", () => {
    for (const first of Object.keys(RULES) as Lang[]) {
      const shared = structuredClone(irOf(SPEC));
      const edited = structuredClone(shared);
      edited.models = edited.models.slice(1);
      staleIn(edited, shared, first);
      expect(unitKeys(shared), `after ${first}`).toEqual(unitKeys(structuredClone(irOf(SPEC))));
    }
  });

  it("finds no renamed model, and so nothing reaching one, between two IRs named alike", () => {
    for (const lang of Object.keys(RULES) as Lang[]) {
      const ir = irOf(SPEC);
      const names = typeNamesOf(ir, RULES[lang]);
      const renamed = renamedSince(
        ir,
        names,
        typeNamesOf(structuredClone(ir), RULES[lang]),
        ir.models.map((m) => m.id),
      );
      expect([...renamed], lang).toEqual([]);
      expect([...reachingRenamed(ir, renamed)], lang).toEqual([]);
    }
  });

  it("takes every model as renamed against names that name none of its models", () => {
    const ir = irOf(SPEC);
    const names = typeNamesOf(ir, tsNamingRules);
    expect(renamedSince(ir, names, names, []).size).toBe(ir.models.length);
    expect(reachingRenamed(ir, new Set(ir.models.map((m) => m.id))).size).toBe(ir.models.length);
  });

  // Field names are not compared as names (only type and variant names are): they follow from the
  // model's content, which is keyed. A type name is compared by model id: it can change with other models.
  it.each([
    { edit: "its description", change: (m: Model): Model => ({ ...m, docs: { ...m.docs, description: "edited" } }) },
    {
      edit: "a field's identifier (its name in most languages)",
      change: (m: Model): Model =>
        m.kind === "object" ? { ...m, fields: m.fields.map((f, i) => (i === 0 ? { ...f, identifier: "renamed" } : f)) } : m,
    },
    { edit: "its name hint (its type name)", change: (m: Model): Model => ({ ...m, nameHint: ["Zz", "Unique"] }) },
    // Its content is the same, but a model named first (and reaching nothing of it) now holds its name.
    { edit: "its name (taken by a new model)", change: (m: Model): Model => m, taker: true },
  ])("renders a model, and the models reaching it, again when $edit changes, and no other", ({ change, taker }) => {
    const before = structuredClone(irOf(SPEC));
    const after = structuredClone(irOf(SPEC));
    const target = after.models.find((m) => m.kind === "object" && !m.parent && m.fields.length > 0)!;
    const edited = change(target);
    after.models = after.models.map((m) => (m === target ? edited : m));
    const newcomer: Model = {
      id: "#/components/schemas/0",
      nameHint: target.nameHint,
      kind: "alias",
      type: { kind: "unknown" },
      docs: {},
      source: target.source,
    };
    if (taker) after.models.unshift(newcomer);
    for (const lang of Object.keys(RULES) as Lang[]) {
      const stale = staleIn(before, after, lang);
      const reaches = (from: string, seen = new Set<string>()): boolean => {
        if (from === target.id) return true;
        if (seen.has(from)) return false;
        seen.add(from);
        const m = after.models.find((x) => x.id === from)!;
        const out =
          JSON.stringify(m)
            .match(/"target":"[^"]+"/g)
            ?.map((t) => t.slice(10, -1)) ?? [];
        const related = [...out, ...(m.parent ? [m.parent] : []), ...after.models.filter((x) => x.parent === from).map((x) => x.id)];
        return related.some((r) => reaches(r, seen));
      };
      for (const m of after.models) expect(stale.has(m.id), `${lang} ${m.id}`).toBe(reaches(m.id) || m === newcomer);
      expect([...stale]).toContain(target.id);
    }
  });
});

/** componentNumbers over string ids (each id numbered at its first place in `nodes`): what `components` gives, to compare. */
function numberedComponents(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const number = new Map<string, number>();
  const names: string[] = [];
  for (const id of nodes)
    if (!number.has(id)) {
      number.set(id, names.length);
      names.push(id);
    }
  const comp = componentNumbers(names.map((id) => edges.get(id)!.map((e) => number.get(e)!)));
  return new Map(names.map((id, i) => [id, comp[i]!]));
}

describe("componentNumbers", () => {
  // A small seeded generator: the same graphs every run.
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const graphs = Array.from({ length: 200 }, (_, g) => {
    const next = random(g + 1);
    const size = 1 + Math.floor(next() * 40);
    const nodes = Array.from({ length: size }, (_, i) => `n${i}`);
    const density = next() * 3;
    const edges = new Map(nodes.map((n) => [n, nodes.filter(() => next() < density / size)]));
    // Repeated nodes in the list, as in an IR whose ids repeat, are walked once.
    return { nodes: g % 7 === 0 ? [...nodes, ...nodes.slice(0, 3)] : nodes, edges };
  });

  it("numbers as components (ir/graph.ts) does, on random graphs", () => {
    for (const { nodes, edges } of graphs) {
      const want = components(nodes, (n) => edges.get(n)!);
      const got = numberedComponents(nodes, edges);
      expect([...got].sort(), nodes.join(" ")).toEqual([...want].sort());
      // Every edge leads to an equal or lower number (reachingRenamed walks upwards once).
      for (const [n, out] of edges) for (const m of out) expect(got.get(m)!).toBeLessThanOrEqual(got.get(n)!);
    }
  });

  it("numbers nodes given by number as they are numbered through their ids", () => {
    for (const { nodes, edges } of graphs.filter((_, g) => g % 7 !== 0)) {
      const at = new Map(nodes.map((n, i) => [n, i]));
      const numbers = componentNumbers(nodes.map((n) => edges.get(n)!.map((m) => at.get(m)!)));
      expect([...numbers]).toEqual(nodes.map((n) => numberedComponents(nodes, edges).get(n)));
    }
  });

  it("numbers as components does on the models of a spec, and survives a deep chain", () => {
    const ir = irOf(SPEC);
    const ids = ir.models.map((m) => m.id);
    const edges = new Map(
      ir.models.map((m) => [m.id, [...(m.parent ? [m.parent] : []), ...ids.filter((id) => id.startsWith(`${m.id}/`))]]),
    );
    expect([...numberedComponents(ids, edges)].sort()).toEqual([...components(ids, (n) => edges.get(n)!)].sort());
    const chain = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const chainEdges = new Map(chain.map((c, i) => [c, i + 1 < chain.length ? [chain[i + 1]!] : [chain[0]!]]));
    const one = numberedComponents(chain, chainEdges);
    expect(new Set(one.values()).size).toBe(1);
  });
});
