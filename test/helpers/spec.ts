// Test helper: build the IR of a spec written inline (files kept in memory), so each unit case
// says its input and expected output side by side.
import path from "node:path";
import { SpecSet } from "../../src/load/loader.js";
import { normalize, type NormalizeOptions } from "../../src/ir/normalize/index.js";
import type { IrDocument, Model } from "../../src/ir/types.js";

const ROOT = "/virtual/openapi.yaml";

/** Files are keyed by path relative to the root spec's folder; "openapi.yaml" is the root. */
export function irOfFiles(files: Record<string, string>, options: NormalizeOptions = {}): IrDocument {
  const read = (abs: string) => {
    const rel = path.relative(path.dirname(ROOT), abs).split(path.sep).join("/");
    const text = files[rel];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${rel}`), { code: "ENOENT" });
    return text;
  };
  return normalize(new SpecSet(ROOT, read), options);
}

/** A 3.1 (or 3.0) document whose components.schemas is the given YAML block (indented 4 spaces). */
function specWithSchemas(schemasYaml: string, version = "3.1.0"): string {
  const body = schemasYaml
    .replace(/^\n+/, "")
    .split("\n")
    .map((l) => (l.trim() ? "    " + l : l))
    .join("\n");
  return `openapi: ${version}\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n${body}\n`;
}

export function irOfSchemas(schemasYaml: string, version = "3.1.0"): IrDocument {
  return irOfFiles({ "openapi.yaml": specWithSchemas(dedent(schemasYaml), version) });
}

export function model(ir: IrDocument, id: string): Model {
  const m = ir.models.find((x) => x.id === id || x.id === `#/components/schemas/${id}`);
  if (!m) throw new Error(`no model ${id}; have ${ir.models.map((x) => x.id).join(", ")}`);
  return m;
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
