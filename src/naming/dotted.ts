// A model's path joined with dots (`Run.LastError`), as TypeScript, Scala and Elixir write a
// reference: asked for at every use of a type (several per field), so joined once per model and
// name table (one table per language and run) instead of at every use.
import type { NameTable } from "./assign.js";

const joined = new WeakMap<NameTable, Map<string, string>>();

/** `names.path(id).join(".")`, kept per name table. */
export function dottedPath(names: NameTable, id: string): string {
  let byId = joined.get(names);
  if (byId === undefined) joined.set(names, (byId = new Map()));
  let text = byId.get(id);
  if (text === undefined) byId.set(id, (text = names.path(id).join(".")));
  return text;
}
