// The cases every language's conformance harness decodes and re-encodes: the spec's example
// responses, numbered in extraction order, each with the type to decode it as in that language.
// Files exchanged with the harnesses (plain JSON, so any language reads and writes them):
//   cases:   [{ "id": "e001", "type": "<type in the language>", "json": <example> }, ...]
//   results: [{ "id": "e001", "ok": true, "output": <re-encoded JSON> }
//             | { "id": "e001", "ok": false, "error": "<decoder's message>" }, ...]
import { readFileSync, writeFileSync } from "node:fs";
import type { IrDocument } from "../../src/ir/types.js";
import { extractExamples, type Example } from "./examples.js";

export interface ConformanceCase extends Example {
  id: string;
}

export interface LanguageResult {
  id: string;
  ok: boolean;
  output?: unknown;
  error?: string;
}

export function conformanceCases(specFile: string): ConformanceCase[] {
  return extractExamples(specFile).examples.map((ex, i) => ({ ...ex, id: `e${String(i + 1).padStart(3, "0")}` }));
}

/** Writes the cases file for one language; `typeOf` names a model id's type in that language. */
export function writeCases(file: string, cases: ConformanceCase[], typeOf: (modelId: string) => string): void {
  writeFileSync(file, JSON.stringify(cases.map((c) => ({ id: c.id, type: typeOf(c.modelId), json: c.json }))) + "\n");
}

export function readResults(file: string): LanguageResult[] {
  return JSON.parse(readFileSync(file, "utf8")) as LanguageResult[];
}

/** Every model id an example pairs with (a harness must be able to decode each). */
export function pairedModelIds(cases: ConformanceCase[], ir: IrDocument): string[] {
  const known = new Set(ir.models.map((m) => m.id));
  return [...new Set(cases.map((c) => c.modelId))].filter((id) => known.has(id)).sort();
}
