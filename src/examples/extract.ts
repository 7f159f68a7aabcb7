// Payloads to judge: the spec's own example responses (a JSON response's `example` and
// `examples[].value`, and OpenAI's `x-oaiMeta.examples[].response` text), paired with the type of
// the operation's response, and payloads the user recorded (`--samples <dir>`).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { SpecSet } from "../load/loader.js";
import { lookupPointer, appendPointer } from "../load/pointer.js";
import { SpecError, UsageError } from "../common/errors.js";
import type { IrDocument, TypeExpr } from "../ir/types.js";
import { modelKey } from "../ir/customize/model-keys.js";
import { isObject } from "./judge.js";

export interface Payload {
  /** Where it came from: `GET /runs (listRuns) 200 example`, or a sample file (and line). */
  source: string;
  type: TypeExpr;
  json: unknown;
}

export function specExamples(ir: IrDocument, specs: SpecSet): Payload[] {
  const out: Payload[] = [];
  for (const op of ir.operations ?? []) {
    const opNode = nodeAt(specs, op.id);
    if (!isObject(opNode)) continue;
    const label = `${op.method.toUpperCase()} ${op.path}${op.operationId ? ` (${op.operationId})` : ""}`;
    for (const r of op.responses) {
      const media =
        nodeAt(specs, op.id, "responses", r.status, "content", r.mediaType) ?? responseMediaViaRef(specs, op.id, r.status, r.mediaType);
      if (!isObject(media)) continue;
      if ("example" in media) out.push({ source: `${label} ${r.status} example`, type: r.type, json: media.example });
      if (isObject(media.examples)) {
        for (const [name, ex] of Object.entries(media.examples)) {
          const value = isObject(ex) && typeof ex.$ref === "string" ? resolveRef(specs, op.id, ex.$ref) : ex;
          if (isObject(value) && "value" in value)
            out.push({ source: `${label} ${r.status} example ${name}`, type: r.type, json: value.value });
        }
      }
    }
    // OpenAI's examples: response text beside the request, for the first 2xx JSON response.
    const meta = opNode["x-oaiMeta"];
    const list = isObject(meta) ? (Array.isArray(meta.examples) ? meta.examples : meta.examples ? [meta.examples] : []) : [];
    const ok = op.responses.find((r) => /^2/.test(r.status));
    list.forEach((ex: unknown, i: number) => {
      const text = isObject(ex) ? ex.response : undefined;
      if (typeof text !== "string" || !ok) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return; // Not JSON (a stream, curl output): nothing to judge.
      }
      // A number too large for a double (JSON.parse reads an infinity): nothing a model can hold, nothing to learn from.
      if (nonFinitePointer(json) === undefined) out.push({ source: `${label} #${i}`, type: ok.type, json });
    });
  }
  return out;
}

/**
 * `<ModelName>*.json` files (the longest model name the file name starts with), and `*.jsonl` lines of
 * `{ "model": ..., "payload": ... }`.
 */
export function samplePayloads(dir: string, ir: IrDocument): Payload[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--samples: ${dir} is not a folder`);
  const byKey = new Map(ir.models.map((m) => [modelKey(m), m]));
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const out: Payload[] = [];
  for (const file of readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    const text = () => readFileSync(full, "utf8");
    if (file.endsWith(".jsonl")) {
      text()
        .split("\n")
        .forEach((line, i) => {
          if (line.trim() === "") return;
          const record = parseJson(line, file, i + 1);
          if (!isObject(record) || typeof record.model !== "string" || !("payload" in record))
            throw new SpecError({ file, line: i + 1, col: 1 }, 'a JSON Lines sample must be { "model": <name>, "payload": <JSON> }');
          const m = byKey.get(record.model);
          if (!m) throw new SpecError({ file, line: i + 1, col: 1 }, `no model "${record.model}"`);
          refuseNonFinite(record.payload, { file, line: i + 1, col: 1 }, "/payload");
          out.push({ source: `${file}:${i + 1}`, type: { kind: "ref", target: m.id }, json: record.payload });
        });
    } else if (file.endsWith(".json")) {
      const stem = file.slice(0, -".json".length);
      const key = keys.find((k) => stem === k || (stem.startsWith(k) && !/[A-Za-z0-9]/.test(stem[k.length]!)));
      if (!key)
        throw new UsageError(
          `--samples: ${file} does not start with a model name` +
            ` followed by the end or a separator (e.g. RunObject.json, RunObject-cancelled.json)`,
        );
      const json = parseJson(text(), file, undefined);
      refuseNonFinite(json, { file });
      out.push({ source: file, type: { kind: "ref", target: byKey.get(key)!.id }, json });
    }
  }
  return out;
}

function parseJson(text: string, file: string, line: number | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError({ file, ...(line !== undefined ? { line, col: 1 } : {}) }, `malformed JSON: ${(e as Error).message}`);
  }
}

/**
 * Where `value` holds a number that JSON.parse read as an infinity (JSON text may write a number too
 * large for a double, `1e999`), as a JSON pointer ("" for the value itself); undefined when nowhere.
 */
function nonFinitePointer(value: unknown, pointer = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : pointer;
  if (value === null || typeof value !== "object") return undefined;
  // An array's entries are its indexes as strings: the pointer's tokens either way.
  for (const [key, v] of Object.entries(value)) {
    const found = nonFinitePointer(v, appendPointer(pointer, key));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A sample's payload holding a number no double holds: refused where it is (`base`: the payload's
 * pointer in the JSON text read), as the loader refuses one in a spec. Read as an infinity it would
 * be judged against the models and learned (an enum value) into an overlay that writes it as
 * `.inf`, which no spec may hold.
 */
function refuseNonFinite(payload: unknown, where: { file: string; line?: number; col?: number }, base = ""): void {
  const at = nonFinitePointer(payload, base);
  if (at === undefined) return;
  const detail = "a number too large for a double, which JSON.parse reads as an infinity: no model can hold it";
  throw new SpecError({ ...where, pointer: at }, detail);
}

/** The node at an IR id (file#pointer) plus more tokens, or undefined. */
function nodeAt(specs: SpecSet, id: string, ...more: string[]): unknown {
  const hash = id.indexOf("#");
  const file = id.slice(0, hash);
  const doc = file === "" ? specs.root : specs.documents().find((d) => d.file === file);
  if (!doc) return undefined;
  const found = lookupPointer(doc.value, appendPointer(id.slice(hash + 1), ...more));
  return found.found ? found.value : undefined;
}

/** A response written as a `$ref` (components.responses): its media object. */
function responseMediaViaRef(specs: SpecSet, opId: string, status: string, mediaType: string): unknown {
  const response = nodeAt(specs, opId, "responses", status);
  if (!isObject(response) || typeof response.$ref !== "string") return undefined;
  const target = resolveRef(specs, opId, response.$ref);
  return isObject(target) && isObject(target.content) ? target.content[mediaType] : undefined;
}

function resolveRef(specs: SpecSet, fromId: string, ref: string): unknown {
  const file = fromId.slice(0, fromId.indexOf("#"));
  const doc = file === "" ? specs.root : specs.documents().find((d) => d.file === file) ?? specs.root;
  try {
    return specs.resolve(ref, doc, {}, "").value;
  } catch {
    return undefined;
  }
}
