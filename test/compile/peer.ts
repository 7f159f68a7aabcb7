// Builds the peer comparison: our generated types against openapi-typescript's for the same
// spec, one type-level assertion per component schema and per JSON body of every operation
// (see peer-operations.ts), and reports which differ and which a known difference explains.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { assignNames } from "../../src/naming/assign.js";
import { tsNamingRules } from "../../src/targets/typescript/naming.js";
import { irOf, renderAsync, writeFiles } from "../helpers/generate.js";
import { SpecSet } from "../../src/load/loader.js";
import { unescapeToken } from "../../src/load/pointer.js";
import { indexModels } from "../../src/ir/query.js";
import { multipartBodies } from "../../src/targets/typescript/uploads.js";
import { typecheck, type Diagnostic } from "./tsc.js";
import { closeOverReferences, componentSeeds, schemaBlocks, type RawConstruct } from "./peer-seeds.js";
import { directComponent, inlineConstructs, operationParts, reachedComponents } from "./peer-operations.js";

const TYPE_UTILS = `export type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
`;

export interface PeerResult {
  schemas: number;
  /** Component schemas whose two types are not mutually assignable. */
  differing: string[];
  /** Of those, the ones a known, documented difference explains (schema -> reason). */
  explained: Map<string, string>;
  /** Operation bodies compared (`createPet request`, `createPet 201`), and the same three answers for them. */
  operationParts: number;
  differingParts: string[];
  explainedParts: Map<string, string>;
  /** Operations the peer has no type for (callbacks), by our index key. */
  skippedOperations: string[];
  /** Diagnostics not on an assertion line (these would be real errors). */
  other: Diagnostic[];
}

/**
 * Known ways openapi-typescript departs from the spec where we follow it (or, for binary, where we
 * choose a more useful type). Each is detected in the peer's output, our IR or the raw spec, and
 * spreads to every schema that references an affected one.
 */
const PEER_DIFFERENCES = {
  discriminatorRewrite:
    "openapi-typescript replaces a discriminator property's enum with the schema name ('enum property replaced by openapi-typescript'); we keep the spec's tag values",
  requiredWithoutSchema: "the spec requires a property it never declares: we keep it (typed unknown), openapi-typescript drops it",
  freeForm: "a free-form `type: object` allows any key: we type it Record<string, unknown>, openapi-typescript Record<string, never>",
  requiredOnlyUnion: "`anyOf` of `required` lists (a presence rule): we keep the object's properties, openapi-typescript intersects it into an unusable type",
  refSiblingNullable: "`$ref` beside `nullable: true` (or `allOf: [$ref, {nullable: true}]`): we honour the null (the API sends it), openapi-typescript drops it",
  binaryUpload: "`format: binary` (a file part of a multipart body): we type it Blob, the upload type FormData takes; openapi-typescript types it string",
};

/** The documented difference each raw construct causes. */
const CONSTRUCT_DIFFERENCE: Record<RawConstruct, string> = {
  freeForm: PEER_DIFFERENCES.freeForm,
  refNullable: PEER_DIFFERENCES.refSiblingNullable,
  requiredOnly: PEER_DIFFERENCES.requiredOnlyUnion,
  binary: PEER_DIFFERENCES.binaryUpload,
};

/**
 * @param listed component schemas the caller lists as differing for a reason not detected here
 * (name -> reason); an operation body that reaches one is explained by it.
 */
export async function comparePeer(spec: string, listed: Record<string, string> = {}): Promise<PeerResult> {
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
  const { parts, uses, skipped } = operationParts(ir);
  const lines = [
    `import type { ${["components", ...[...uses].sort()].join(", ")} } from "./ref.js";`,
    'import type * as G from "./index.js";',
    'import type { Assert, MutuallyAssignable } from "./type-utils.js";',
    'type S = components["schemas"];',
  ];
  const schemaOf = new Map<number, string>();
  for (const m of components) {
    const schema = m.id.slice("#/components/schemas/".length);
    schemaOf.set(lines.length + 1, schema);
    // A nullable model (object, enum, union or alias such as `Metadata`) is declared without
    // null; every use adds it, so the schema's own type is the model or null.
    const ours = `G.${names.type(m.id)}${m.nullable ? " | null" : ""}`;
    lines.push(`export type _${lines.length} = Assert<MutuallyAssignable<${ours}, S[${JSON.stringify(schema)}]>>;`);
  }
  const partOf = new Map<number, string>();
  for (const part of parts) {
    partOf.set(lines.length + 1, part.label);
    lines.push(`export type _${lines.length} = Assert<MutuallyAssignable<${part.ours}, ${part.theirs}>>;`);
  }
  writeFileSync(path.join(dir, "type-utils.ts"), TYPE_UTILS);
  writeFileSync(path.join(dir, "peer.check.ts"), lines.join("\n") + "\n");
  const diags = typecheck([path.join(dir, "peer.check.ts")]);
  const differing = new Set<string>();
  const differingParts = new Set<string>();
  const other: Diagnostic[] = [];
  for (const d of diags) {
    const schema = d.file === "peer.check.ts" ? schemaOf.get(d.line) : undefined;
    const part = d.file === "peer.check.ts" ? partOf.get(d.line) : undefined;
    if (schema) differing.add(schema);
    else if (part) differingParts.add(part);
    else other.push(d);
  }

  // Each known difference: the schemas showing it, closed over the peer's references.
  const blocks = schemaBlocks(dts);
  // The rewrite shows as a property whose type is the schema's own name as a string literal.
  const rewrittenSeeds = [...blocks].filter(([name, text]) => text.includes(`: "${name}";`)).map(([name]) => name);
  // Report pointers are written without the leading `#`.
  const undeclaredAt = ir.report.filter((d) => d.message.startsWith("required property")).map((d) => `#${d.source.pointer}`);
  const undeclared = new Set(undeclaredAt.filter((p) => p.startsWith("#/components/schemas/")).map((p) => unescapeToken(p.split("/")[3]!)));
  const root = new SpecSet(spec).root.value;
  const seeds = componentSeeds(root);
  // We type a binary string as Blob only in the parts of a multipart body (see uploads.ts).
  const multipartComponents = [...multipartBodies(ir.operations)].filter((id) => id.startsWith("#/components/schemas/"));
  const multipart = new Set(multipartComponents.map((id) => unescapeToken(id.split("/")[3]!)));
  seeds.binary = new Set([...seeds.binary].filter((name) => multipart.has(name)));
  const affected: [Set<string>, string][] = [
    [closeOverReferences(new Set(rewrittenSeeds), blocks), PEER_DIFFERENCES.discriminatorRewrite],
    [closeOverReferences(undeclared, blocks), PEER_DIFFERENCES.requiredWithoutSchema],
    ...(Object.keys(CONSTRUCT_DIFFERENCE) as RawConstruct[]).map((c): [Set<string>, string] => [closeOverReferences(seeds[c], blocks), CONSTRUCT_DIFFERENCE[c]]),
  ];
  const reasonsFor = (schemas: Iterable<string>): string[] => {
    const list = [...schemas];
    return affected.filter(([set]) => list.some((name) => set.has(name))).map(([, reason]) => reason);
  };

  const explained = new Map<string, string>();
  for (const name of differing) {
    const reasons = reasonsFor([name]);
    if (reasons.length) explained.set(name, reasons.join("; "));
  }
  // A body that is a component differs exactly when the component does, for its reason (so a
  // body mapped to the wrong model is caught). An inline body is explained by what it reaches:
  // component schemas with a known difference, or one of the constructs inline in its own part.
  const models = indexModels(ir.models);
  const explainedParts = new Map<string, string>();
  for (const part of parts.filter((p) => differingParts.has(p.label))) {
    const direct = directComponent(part.type);
    if (direct !== undefined) {
      const reason = explained.get(direct) ?? listed[direct];
      if (differing.has(direct) && reason !== undefined) explainedParts.set(part.label, `as ${direct}: ${reason}`);
      continue;
    }
    const reached = reachedComponents(part.type, models);
    const reasons = new Set(reasonsFor(reached));
    for (const name of reached) if (listed[name] !== undefined) reasons.add(`${name} (listed): ${listed[name]}`);
    // The compared bodies are JSON, where a binary string stays a string as in the peer.
    for (const c of inlineConstructs(part, root)) if (c !== "binary") reasons.add(CONSTRUCT_DIFFERENCE[c]);
    if (undeclaredAt.some((p) => p.startsWith(`${part.pointer}/`))) reasons.add(PEER_DIFFERENCES.requiredWithoutSchema);
    if (reasons.size) explainedParts.set(part.label, [...reasons].join("; "));
  }
  return {
    schemas: components.length,
    differing: [...differing].sort(),
    explained,
    operationParts: parts.length,
    differingParts: [...differingParts].sort(),
    explainedParts,
    skippedOperations: skipped,
    other,
  };
}
