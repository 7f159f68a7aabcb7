// From the judge's fixes to an Overlay 1.0 document: the smallest changes that make the spec agree
// with what was seen (null admitted, a name dropped from `required`, an enum value added, a type
// widened to a union of what was seen), one action per place, each describing who needed it.
import type { SpecSet, SourceDocument } from "../load/loader.js";
import { lookupPointer, parsePointer } from "../load/pointer.js";
import type { SourceRef } from "../ir/types.js";
import type { Fix } from "./judge.js";
import { isObject } from "./judge.js";
import { isExtendedType, subtypeActions } from "./learn-subtype.js";

export interface Finding {
  /** The example or sample that needs the fix. */
  source: string;
  fix: Fix;
}

export interface OverlayAction {
  target: string;
  description: string;
  update?: unknown;
  remove?: true;
}

export interface LearnedOverlay {
  overlay: "1.0.0";
  info: { title: string; version: string };
  actions: OverlayAction[];
}

type Node = Record<string, unknown>;

export function learnOverlay(specs: SpecSet, findings: Finding[], title: string): LearnedOverlay {
  const is31 = specs.dialect === "3.1";
  // One entry per place in the spec, gathering every finding that needs it.
  const places = new Map<string, { schema: SourceRef; fixes: Fix[]; sources: string[] }>();
  for (const f of findings) {
    const schema =
      f.fix.kind === "optional" || f.fix.kind === "enum-value" ? f.fix.model : f.fix.kind === "tag" ? f.fix.union : f.fix.schema;
    const key = `${schema.file}#${schema.pointer}`;
    const place = places.get(key) ?? { schema, fixes: [], sources: [] };
    if (!place.fixes.some((x) => sameFix(x, f.fix))) place.fixes.push(f.fix);
    if (!place.sources.includes(f.source)) place.sources.push(f.source);
    places.set(key, place);
  }
  const actions: OverlayAction[] = [];
  /** The names of the subtypes the actions add (learn-subtype.ts). */
  const subtypes = new Set<string>();
  for (const key of [...places.keys()].sort()) {
    const { schema, fixes, sources } = places.get(key)!;
    const doc = documentOf(specs, schema.file);
    const node = doc ? lookupPointer(doc.value, schema.pointer) : undefined;
    if (!doc || !node?.found || !isObject(node.value)) continue;
    const target = jsonPath(doc.value, schema.pointer);
    const by = describeSources(sources);
    const widen = fixes.filter((f): f is Extract<Fix, { kind: "widen" }> => f.kind === "widen");
    const nullable = fixes.some((f) => f.kind === "nullable");
    if (widen.length) {
      const seen = uniqueSeen(widen.map((w) => w.seen));
      actions.push(
        ...widenActions(
          doc.value,
          schema.pointer,
          node.value,
          seen,
          nullable,
          `${what(fixes[0]!)} also admits ${seen.map(seenText).join(", ")}${nullable ? " and null" : ""}: ${by}`,
        ),
      );
      continue;
    }
    if (nullable) actions.push({ description: `${what(fixes[0]!)} admits null: ${by}`, ...nullUpdate(node.value, target, is31) });
    for (const f of fixes) {
      if (f.kind === "optional") {
        const list = requiredHolder(node.value, schema.pointer, f.field);
        if (list)
          actions.push({
            target: `${jsonPath(doc.value, list)}[?@ == ${quote(f.field)}]`,
            description: `${f.modelName}.${f.field} may be absent: ${by}`,
            remove: true,
          });
      } else if (f.kind === "tag" && isExtendedType(node.value)) {
        const targets = { schemas: jsonPath(doc.value, "/components/schemas"), type: target };
        const description = `${f.modelName} also has a subtype tagged ${JSON.stringify(f.tag)}: ${by}`;
        actions.push(...subtypeActions(doc.value, schema.pointer, f.property, f.tag, targets, description, subtypes));
      } else if (f.kind === "tag") {
        const combinator = Array.isArray(node.value.oneOf) ? "oneOf" : "anyOf";
        const branch = {
          type: "object",
          required: [f.property],
          properties: { [f.property]: { type: "string", enum: [f.tag] } },
          additionalProperties: true,
        };
        actions.push({
          target: `${target}['${combinator}']`,
          description: `${f.modelName} also has a variant tagged ${JSON.stringify(f.tag)}: ${by}`,
          update: branch,
        });
      } else if (f.kind === "enum-value") {
        const values = fixes.filter((x): x is Extract<Fix, { kind: "enum-value" }> => x.kind === "enum-value").map((x) => x.value);
        if (f !== fixes.find((x) => x.kind === "enum-value")) continue; // all values in one action
        actions.push(
          enumAction(node.value, target, values, `${f.modelName} also has ${values.map((v) => JSON.stringify(v)).join(", ")}: ${by}`),
        );
      }
    }
  }
  return { overlay: "1.0.0", info: { title, version: "1" }, actions };
}

function sameFix(a: Fix, b: Fix): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function what(f: Fix): string {
  return f.kind === "optional" || f.kind === "enum-value" || f.kind === "tag" ? f.modelName : f.field;
}

type Seen = Extract<Fix, { kind: "widen" }>["seen"];

function uniqueSeen(list: Seen[]): Seen[] {
  const keys = new Set<string>();
  return list.filter((s) => !keys.has(JSON.stringify(s)) && keys.add(JSON.stringify(s)) !== undefined);
}

function seenText(s: Seen): string {
  return typeof s === "string" ? s : JSON.stringify(s.const);
}

function describeSources(sources: string[]): string {
  const shown = sources.slice(0, 3).join("; ");
  return sources.length > 3 ? `${shown}; and ${sources.length - 3} more` : shown;
}

/** Null admitted the way the spec's version writes it: a "null" type (3.1) or `nullable: true`. */
function nullUpdate(node: Node, target: string, is31: boolean): { update: unknown; target: string } {
  if (is31 && typeof node.type === "string") return { target, update: { type: [node.type, "null"] } };
  if (is31 && Array.isArray(node.type)) return { target, update: { type: [...node.type, "null"] } };
  for (const combinator of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(node[combinator])) return { target: `${target}['${combinator}']`, update: { type: "null" } };
  }
  // A `$ref` (or a schema without a type): `nullable: true`, which this tool reads in 3.0 and 3.1 alike.
  return { target, update: { nullable: true } };
}

/** Remove the property and put it back as `anyOf: [what it was, what was seen]`. */
function widenActions(root: unknown, pointer: string, node: Node, seen: Seen[], nullable: boolean, description: string): OverlayAction[] {
  const tokens = parsePointer(pointer);
  const key = tokens[tokens.length - 1]!;
  const parent = tokens.slice(0, -1);
  const branches: unknown[] = seen.map((t) =>
    typeof t !== "string"
      ? { const: t.const }
      : t === "array"
        ? { type: "array", items: {} }
        : t === "object"
          ? { type: "object", additionalProperties: true }
          : { type: t },
  );
  if (nullable) branches.push({ type: "null" });
  const widened = Array.isArray(node.anyOf) ? { ...node, anyOf: [...node.anyOf, ...branches] } : { anyOf: [node, ...branches] };
  const parentPath = jsonPath(root, "/" + parent.map(escapeToken).join("/"));
  return [
    { target: jsonPath(root, pointer), description, remove: true },
    { target: parentPath, description, update: { [key]: widened } },
  ];
}

function enumAction(node: Node, target: string, values: (string | number | boolean)[], description: string): OverlayAction {
  if (Array.isArray(node.enum)) return { target: `${target}['enum']`, description, update: values };
  const combinator = Array.isArray(node.oneOf) ? "oneOf" : "anyOf";
  return { target: `${target}['${combinator}']`, description, update: values.map((v) => ({ const: v })) };
}

/** The pointer of the `required` list that names `field`: the schema's own, or an inline allOf member's. */
function requiredHolder(node: Node, pointer: string, field: string): string | undefined {
  if (Array.isArray(node.required) && node.required.includes(field)) return `${pointer}/required`;
  if (Array.isArray(node.allOf)) {
    const i = node.allOf.findIndex((m) => isObject(m) && Array.isArray(m.required) && m.required.includes(field));
    if (i >= 0) return `${pointer}/allOf/${i}/required`;
  }
  return undefined;
}

function documentOf(specs: SpecSet, file: string): SourceDocument | undefined {
  return specs.documents().find((d) => d.file === file);
}

/** An RFC 9535 normalized path for a JSON pointer into `root` (array indexes where the parent is an array). */
function jsonPath(root: unknown, pointer: string): string {
  let cur = root;
  let out = "$";
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur)) {
      out += `[${token}]`;
      cur = cur[Number(token)];
    } else {
      out += `[${quote(token)}]`;
      cur = isObject(cur) ? cur[token] : undefined;
    }
  }
  return out;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
