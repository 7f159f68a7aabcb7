// The state's models without what their ids already say: a model's source pointer is its id's, a
// field's is its model's plus `properties/<name>` nearly always, and every file is the root
// document (a state is kept only for a one-file spec). Such a position is stored as [line, col];
// about a fifth of the state, and of the time to parse it. Lines may also be stored relative to
// the start of their unit of text (`lineBase`, see NormalizeState in walk.ts), so a record of an unchanged
// unit is the same text however far its unit moved.
import { appendPointer, escapeToken } from "../../../load/pointer.js";
import type { Model, SourceRef } from "../../types.js";
import { unitOf } from "./units.js";

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

/**
 * How far the positions of a unit move (its lines as stored plus this), or undefined when a record
 * holding a position there is not understood (a unit the root did not read).
 */
export type Shift = (unit: string | undefined) => number | undefined;

/**
 * Restores the positions `compactModels` shortened and moves every position by its unit's shift, in
 * place (the models were just parsed): false, part done, when a position's shift is undefined.
 * One pass, making each position once: a regeneration does this for ~2,700 models and ~12,000 fields.
 */
export function placeModels(models: Model[], file: string, shift: Shift): boolean {
  return visitPositions(models, file, shift, true);
}

/**
 * Whether `placeModels` would place every position of `models` (each one's unit has a shift),
 * asked before it changes any: a frame's models are placed only when all of them can be.
 */
export function placeable(models: readonly Model[], shift: Shift): boolean {
  return visitPositions(models, "", shift, false);
}

/** Each position's unit shift, asked as placeModels asks it; the positions made and moved when `place`. */
function visitPositions(models: readonly Model[], file: string, shift: Shift, place: boolean): boolean {
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    const pointer = m.id.startsWith("#") ? m.id.slice(1) : "";
    // A field's pointer lies in its model's unit when the model's does (the unit is the pointer cut at its third or fourth slash):
    // that unit's shift is asked once for the model and all its fields.
    const unit = unitOf(pointer);
    let by: number | undefined;
    let asked = false;
    const stored = m.source as Stored;
    if (Array.isArray(stored)) {
      by = shift(unit);
      asked = true;
      if (by === undefined) return false;
      // The key order of the loader's positions, so the IR's JSON is the same bytes.
      if (place) m.source = { file, line: stored[0] + by, col: stored[1], pointer };
    } else if (!(place ? moveSource : movable)(stored, shift)) return false;
    if (m.kind !== "object") continue;
    const fieldsAt = `${pointer}/properties/`;
    const fields = m.fields;
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j]!;
      const short = f.source as Stored;
      if (!Array.isArray(short)) {
        if (!(place ? moveSource : movable)(short, shift)) return false;
        continue;
      }
      const fieldPointer = fieldsAt + escapeToken(f.name);
      let fieldBy: number | undefined;
      if (unit === undefined) fieldBy = shift(unitOf(fieldPointer));
      else {
        if (!asked) {
          by = shift(unit);
          asked = true;
        }
        fieldBy = by;
      }
      if (fieldBy === undefined) return false;
      if (place) f.source = { file, line: short[0] + fieldBy, col: short[1], pointer: fieldPointer };
    }
  }
  return true;
}

/** Whether `moveSource` would move `source` (its unit has a shift), asked before anything moves. */
export function movable(source: SourceRef, shift: Shift): boolean {
  return shift(unitOf(source.pointer)) !== undefined;
}

/** Moves a whole stored position by its unit's shift, in place; false when the shift is undefined. */
export function moveSource(source: SourceRef, shift: Shift): boolean {
  const by = shift(unitOf(source.pointer));
  if (by === undefined) return false;
  source.line += by;
  return true;
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
