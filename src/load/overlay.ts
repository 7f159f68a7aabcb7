// OpenAPI Overlay 1.0.0: documents of `actions` whose `target` (an RFC 9535 JSONPath, evaluated
// by jsonpath-rfc9535) selects nodes to `update` (objects merged recursively, other values
// replaced, arrays appended to) or `remove`. Applied to the loaded spec, every file of it, before
// normalizing, in order. What an overlay adds keeps its own position, so errors and the IR's
// sources point into the overlay file.
import { readFileSync } from "node:fs";
import { TextBytes } from "./scanned-text.js";
import path from "node:path";
import type { paths } from "jsonpath-rfc9535";
import { lazyPackage } from "../common/lazy-package.js";
import { SpecError } from "../common/errors.js";
import { ParseFailure, parseSource, type ParsedSource } from "./parse-source.js";
import { appendPointer } from "./pointer.js";

const jsonPath = lazyPackage<{ paths: typeof paths }>("jsonpath-rfc9535");
import type { SourceDocument, SpecSet } from "./loader.js";

export interface OverlayWarning {
  file: string;
  line: number;
  col: number;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads, checks and applies each overlay in order; returns the warnings (actions that matched nothing). */
/** `label` names an overlay file in messages: by default relative to where the tool runs, as users write it. */
export function applyOverlays(
  specs: SpecSet,
  overlayFiles: readonly string[],
  label: (absPath: string) => string = relativeToCwd,
): OverlayWarning[] {
  if (overlayFiles.length === 0) return [];
  const warnings: OverlayWarning[] = [];
  specs.loadReferencedFiles();
  for (const file of overlayFiles) {
    const overlay = readOverlay(specs, file, label(file));
    overlay.actions.forEach((action, i) => {
      const matched = specs.documents().reduce((n, doc) => n + applyAction(specs, overlay.doc, doc, action, i), 0);
      if (matched === 0) {
        const at = overlay.doc.lineCol(overlay.doc.offsetOf(action.raw, "target") ?? 0);
        warnings.push({ file: overlay.doc.file, ...at, message: `overlay action ${i} (target ${action.target}) matches nothing` });
      }
    });
  }
  return warnings;
}

interface Action {
  raw: Json;
  target: string;
  update?: unknown;
  remove: boolean;
}

interface Overlay {
  doc: SourceDocument;
  actions: Action[];
}

function relativeToCwd(absPath: string): string {
  return path.relative(process.cwd(), absPath).split(path.sep).join("/");
}

function readOverlay(specs: SpecSet, absPath: string, file: string): Overlay {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message;
    throw new SpecError({ file }, `cannot read overlay: ${reason}`);
  }
  let parsed: ParsedSource;
  try {
    // Decoded by its encoding, without a BOM, LF line breaks: as a spec file (loader.ts).
    parsed = parseSource(new TextBytes(bytes).forReading());
  } catch (e) {
    if (e instanceof ParseFailure)
      throw new SpecError({ file, line: e.line, col: e.col }, `${e.malformed ? "malformed overlay: " : ""}${e.detail}`);
    throw e;
  }
  const doc: SourceDocument = Object.assign(parsed, { absPath, file });
  specs.addOverlayDocument(doc, bytes);
  const fail = (container: unknown, key: string | undefined, pointer: string, message: string): never => {
    throw new SpecError(specs.locate(doc, container, key, pointer), message);
  };
  const root = doc.value;
  if (!isObject(root)) return fail(root, undefined, "", "an overlay must be a mapping with `overlay`, `info` and `actions`");
  if (typeof root.overlay !== "string" || !/^1\.\d+\.\d+$/.test(root.overlay))
    fail(root, "overlay", "/overlay", "`overlay` must be the Overlay Specification version, such as 1.0.0");
  if (!isObject(root.info) || typeof root.info.title !== "string" || typeof root.info.version !== "string")
    fail(root, "info", "/info", "`info` must have a `title` and a `version`");
  if (root.extends !== undefined && typeof root.extends !== "string") fail(root, "extends", "/extends", "`extends` must be a URL string");
  if (!Array.isArray(root.actions) || root.actions.length === 0)
    return fail(root, "actions", "/actions", "`actions` must be a non-empty list");
  const actions = root.actions.map((raw: unknown, i: number): Action => {
    const at = appendPointer("/actions", i);
    if (!isObject(raw)) return fail(root.actions, undefined, at, "an action must be a mapping with `target` and `update` or `remove`");
    if (typeof raw.target !== "string" || raw.target === "") fail(raw, "target", `${at}/target`, "an action needs a `target` JSONPath");
    if (raw.remove !== undefined && typeof raw.remove !== "boolean") fail(raw, "remove", `${at}/remove`, "`remove` must be true or false");
    if (raw.update === undefined && raw.remove !== true) fail(raw, undefined, at, "an action needs `update` or `remove: true`");
    try {
      jsonPath().paths({}, raw.target as string);
    } catch (e) {
      fail(raw, "target", `${at}/target`, `invalid JSONPath ${JSON.stringify(raw.target)}: ${(e as Error).message}`);
    }
    return { raw, target: raw.target as string, update: raw.update, remove: raw.remove === true };
  });
  return { doc, actions };
}

/** Applies one action to one spec document; returns how many nodes it matched. */
function applyAction(specs: SpecSet, overlay: SourceDocument, doc: SourceDocument, action: Action, index: number): number {
  const matches = jsonPath()
    .paths(doc.value as Parameters<typeof paths>[0], action.target)
    .map(parseNormalizedPath);
  // Deepest and last first, so removing one match never shifts the path of another.
  matches.sort((a, b) => b.length - a.length || compareSegments(b, a));
  for (const segments of matches) {
    if (action.remove) {
      if (segments.length === 0)
        throw new SpecError(
          specs.locate(overlay, action.raw, "target", appendPointer("/actions", index, "target")),
          "an overlay cannot remove the whole document",
        );
      const parent = walk(doc.value, segments.slice(0, -1));
      const last = segments[segments.length - 1]!;
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else if (isObject(parent)) delete parent[String(last)];
      continue;
    }
    const node = walk(doc.value, segments);
    if (isObject(node) && isObject(action.update)) mergeInto(specs, overlay, node, action.update);
    else if (Array.isArray(node)) node.push(...(Array.isArray(action.update) ? action.update : [action.update]));
    else if (segments.length > 0) {
      const parent = walk(doc.value, segments.slice(0, -1)) as Json | unknown[];
      (parent as Record<string | number, unknown>)[segments[segments.length - 1]!] = action.update;
    }
  }
  return matches.length;
}

/** Objects merged key by key, recursively; any other value replaces what was there. */
function mergeInto(specs: SpecSet, overlay: SourceDocument, target: Json, update: Json): void {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) mergeInto(specs, overlay, current, value);
    else {
      target[key] = value;
      specs.recordOverlayKey(target, key, overlay, update);
    }
  }
}

function walk(root: unknown, segments: (string | number)[]): unknown {
  let cur = root;
  for (const s of segments) cur = (cur as Record<string | number, unknown>)[s];
  return cur;
}

function compareSegments(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** `$['a'][0]['b\'c']` (an RFC 9535 normalized path) -> ["a", 0, "b'c"]. */
export function parseNormalizedPath(normalized: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 1; // after "$"
  while (i < normalized.length) {
    if (normalized[i] !== "[") throw new Error(`not a normalized path: ${normalized}`);
    if (normalized[i + 1] === "'") {
      let j = i + 2;
      let name = "";
      while (normalized[j] !== "'") {
        if (normalized[j] === "\\") {
          const c = normalized[j + 1]!;
          if (c === "u") {
            name += String.fromCharCode(parseInt(normalized.slice(j + 2, j + 6), 16));
            j += 6;
          } else {
            name += { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }[c] ?? c;
            j += 2;
          }
        } else name += normalized[j++];
      }
      out.push(name);
      i = j + 2; // past "']"
    } else {
      const close = normalized.indexOf("]", i);
      out.push(Number(normalized.slice(i + 1, close)));
      i = close + 1;
    }
  }
  return out;
}

/** Warnings as the CLI prints them: one located line each. */
export function formatWarnings(warnings: readonly OverlayWarning[]): string {
  return warnings.map((w) => `warning: ${w.file}:${w.line}:${w.col}: ${w.message}\n`).join("");
}
