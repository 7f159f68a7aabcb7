// The state's models without what their ids already say: a model's source pointer is its id's, a
// field's is its model's plus `properties/<name>` nearly always, and every file is the root
// document (a state is kept only for a one-file spec). Such a position is stored as [line, col];
// about a fifth of the state, and of the time to parse it. Lines may also be stored relative to
// the start of their unit of text (`lineBase`, see NormalizeState in walk.ts), so a record of an unchanged
// unit is the same text however far its unit moved.
import { appendPointer } from "../../../load/pointer.js";
import type { Model, SourceRef } from "../../types.js";

/** A source position as stored: [line, col] when file and pointer are the expected ones. */
type Stored = SourceRef | [number, number];

/** The line each position's line is stored relative to (0: absolute). */
export type LineBase = (source: SourceRef) => number;

const ABSOLUTE: LineBase = () => 0;

/** A copy of `models` with the expected positions shortened (the models themselves are the IR's, left alone). */
export function compactModels(models: Model[], file: string, lineBase: LineBase = ABSOLUTE): Model[] {
  return models.map((m) => {
    const pointer = m.id.startsWith("#") ? m.id.slice(1) : undefined;
    const source = shorten(m.source, file, pointer, lineBase);
    if (m.kind !== "object" || pointer === undefined) return source === m.source ? m : ({ ...m, source } as unknown as Model);
    const fields = m.fields.map((f) => {
      const short = shorten(f.source, file, appendPointer(pointer, "properties", f.name), lineBase);
      return short === f.source ? f : { ...f, source: short };
    });
    return { ...m, source, fields } as unknown as Model;
  });
}

/** Restores the positions `compactModels` shortened, in place (the models were just parsed); lines stay as stored. */
export function expandModels(models: Model[], file: string): void {
  for (const m of models) {
    const pointer = m.id.startsWith("#") ? m.id.slice(1) : "";
    m.source = lengthen(m.source as Stored, file, pointer);
    if (m.kind === "object")
      for (const f of m.fields) f.source = lengthen(f.source as Stored, file, appendPointer(pointer, "properties", f.name));
  }
}

/** `source` with its line relative to `lineBase` (the same object when nothing moves). */
export function relativeSource(source: SourceRef, lineBase: LineBase): SourceRef {
  const base = lineBase(source);
  return base === 0 ? source : { ...source, line: source.line - base };
}

function shorten(source: SourceRef, file: string, pointer: string | undefined, lineBase: LineBase): Stored {
  if (source.file === file && source.pointer === pointer) return [source.line - lineBase(source), source.col];
  return relativeSource(source, lineBase);
}

function lengthen(stored: Stored, file: string, pointer: string): SourceRef {
  // The key order of the loader's positions, so the IR's JSON is the same bytes.
  return Array.isArray(stored) ? { file, line: stored[0], col: stored[1], pointer } : stored;
}
