// Builds the peer comparison: our generated types against openapi-typescript's for the same
// spec, one type-level assertion per component schema, and reports which schemas differ.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { irOf, renderAsync, writeFiles } from "../helpers/generate.js";
import { SpecSet } from "../../src/load/loader.js";
import { typecheck, type Diagnostic } from "./tsc.js";

const TYPE_UTILS = `export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
`;

export interface PeerResult {
  schemas: number;
  /** Component schemas whose two types are not mutually assignable. */
  differing: string[];
  /** Of those, the ones a known, documented difference explains (schema -> reason). */
  explained: Map<string, string>;
  /** Diagnostics not on an assertion line (these would be real errors). */
  other: Diagnostic[];
}

/**
 * Known ways openapi-typescript departs from the spec where we follow it. Each is detected in the
 * peer's output (or our IR) and spreads to every schema that references an affected one.
 */
export const PEER_DIFFERENCES = {
  discriminatorRewrite:
    "openapi-typescript replaces a discriminator property's enum with the schema name ('enum property replaced by openapi-typescript'); we keep the spec's tag values",
  requiredWithoutSchema: "the spec requires a property it never declares: we keep it (typed unknown), openapi-typescript drops it",
  freeForm: "a free-form `type: object` allows any key: we type it Record<string, unknown>, openapi-typescript Record<string, never>",
  requiredOnlyUnion: "`anyOf` of `required` lists (a presence rule): we keep the object's properties, openapi-typescript intersects it into an unusable type",
  refSiblingNullable: "`$ref` beside `nullable: true` (or `allOf: [$ref, {nullable: true}]`): we honour the null (the API sends it), openapi-typescript drops it",
};

/** Which component schemas use a construct the peer reads differently, found in the raw spec. */
function rawSeeds(spec: string): { freeForm: Set<string>; refNullable: Set<string>; requiredOnly: Set<string> } {
  const root = new SpecSet(spec).root.value as { components?: { schemas?: Record<string, unknown> } };
  const freeForm = new Set<string>();
  const refNullable = new Set<string>();
  const requiredOnly = new Set<string>();
  const visit = (name: string, v: unknown): void => {
    if (Array.isArray(v)) return v.forEach((x) => visit(name, x));
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.$ref === "string" && o.nullable === true) refNullable.add(name);
    if (Array.isArray(o.allOf) && o.allOf.some((m) => m !== null && typeof m === "object" && (m as Record<string, unknown>).nullable === true && !("type" in m))) refNullable.add(name);
    for (const k of ["oneOf", "anyOf"]) {
      const branches = o[k];
      if (Array.isArray(branches) && branches.every((b) => b !== null && typeof b === "object" && Object.keys(b).every((x) => x === "required"))) requiredOnly.add(name);
    }
    const structural = ["properties", "additionalProperties", "allOf", "oneOf", "anyOf", "items", "enum", "$ref"].some((k) => k in o);
    if (o.type === "object" && !structural) freeForm.add(name);
    for (const [k, x] of Object.entries(o)) if (k !== "properties" || typeof x === "object") visit(name, x);
  };
  for (const [name, schema] of Object.entries(root.components?.schemas ?? {})) visit(name, schema);
  return { freeForm, refNullable, requiredOnly };
}

/** Splits the peer's `components.schemas` into one text block per schema. */
function schemaBlocks(dts: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  for (const line of dts.split("\n")) {
    const m = /^ {8}"?([^"\s?:]+)"?\??: /.exec(line);
    if (m) {
      if (current) blocks.set(current, lines.join("\n"));
      current = m[1];
      lines = [];
    }
    if (current) lines.push(line);
  }
  if (current) blocks.set(current, lines.join("\n"));
  return blocks;
}

/** `seeds` plus every schema whose peer type references one of them, transitively. */
function closeOverReferences(seeds: Set<string>, blocks: Map<string, string>): Set<string> {
  const refs = new Map([...blocks].map(([name, text]) => [name, [...text.matchAll(/components\["schemas"\]\["([^"]+)"\]/g)].map((m) => m[1]!)]));
  const out = new Set(seeds);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, targets] of refs) {
      if (!out.has(name) && targets.some((t) => out.has(t))) {
        out.add(name);
        grew = true;
      }
    }
  }
  return out;
}

export async function comparePeer(spec: string): Promise<PeerResult> {
  const dir = writeFiles(await renderAsync(spec, "typescript"));
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  // defaultNonNullable off: a property with a default may still be absent on the wire (the spec
  // does not require it), which is what our types say.
  const ast = await openapiTS(pathToFileURL(spec), { defaultNonNullable: false });
  const dts = astToString(ast);
  writeFileSync(path.join(dir, "ref.d.ts"), dts);
  const ir = irOf(spec);
  const names = assignNames(ir, tsNamingRules);
  const components = ir.models.filter((m) => m.id.startsWith("#/components/schemas/") && !m.parent);
  const lines = [
    'import type { components } from "./ref.js";',
    'import type * as G from "./index.js";',
    'import type { Assert, MutuallyAssignable } from "./type-utils.js";',
    'type S = components["schemas"];',
  ];
  const lineOf = new Map<number, string>();
  for (const m of components) {
    const schema = m.id.slice("#/components/schemas/".length);
    lineOf.set(lines.length + 1, schema);
    // A nullable object, enum or union model is declared without null; every use adds it.
    const ours = `G.${names.type(m.id)}${m.nullable && m.kind !== "alias" ? " | null" : ""}`;
    lines.push(`export type _${lines.length} = Assert<MutuallyAssignable<${ours}, S[${JSON.stringify(schema)}]>>;`);
  }
  writeFileSync(path.join(dir, "type-utils.ts"), TYPE_UTILS);
  writeFileSync(path.join(dir, "peer.check.ts"), lines.join("\n") + "\n");
  const diags = typecheck([path.join(dir, "peer.check.ts")]);
  const differing = new Set<string>();
  const other: Diagnostic[] = [];
  for (const d of diags) {
    const schema = d.file === "peer.check.ts" ? lineOf.get(d.line) : undefined;
    if (schema) differing.add(schema);
    else other.push(d);
  }
  const blocks = schemaBlocks(dts);
  // The rewrite shows as a property whose type is the schema's own name as a string literal.
  const rewrittenSeeds = [...blocks].filter(([name, text]) => text.includes(`: "${name}";`)).map(([name]) => name);
  const rewritten = closeOverReferences(new Set(rewrittenSeeds), blocks);
  const undeclared = new Set(
    ir.report.filter((d) => d.message.startsWith("required property")).map((d) => d.source.pointer.split("/")[3]!),
  );
  const withUndeclared = closeOverReferences(undeclared, blocks);
  const raw = rawSeeds(spec);
  const freeForm = closeOverReferences(raw.freeForm, blocks);
  const refNullable = closeOverReferences(raw.refNullable, blocks);
  const requiredOnly = closeOverReferences(raw.requiredOnly, blocks);
  const explained = new Map<string, string>();
  for (const name of differing) {
    const reasons = [
      rewritten.has(name) && PEER_DIFFERENCES.discriminatorRewrite,
      withUndeclared.has(name) && PEER_DIFFERENCES.requiredWithoutSchema,
      freeForm.has(name) && PEER_DIFFERENCES.freeForm,
      refNullable.has(name) && PEER_DIFFERENCES.refSiblingNullable,
      requiredOnly.has(name) && PEER_DIFFERENCES.requiredOnlyUnion,
    ].filter((r): r is string => typeof r === "string");
    if (reasons.length) explained.set(name, reasons.join("; "));
  }
  return { schemas: components.length, differing: [...differing].sort(), explained, other };
}
