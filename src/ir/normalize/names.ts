// Name hints: the words a target turns into an identifier. They derive only from where a schema
// sits in the document, so a model's name changes only when the spec changes.
import path from "node:path";
import { appendPointer, parsePointer, lookupPointer } from "../../load/pointer.js";
import { isSchemaObject, type Schema } from "./keywords.js";

/** The word for the i-th branch of a union: its tag value, its title, or its position. */
export function variantWord(branch: unknown, index: number, tagProperty: string | undefined): string {
  if (isSchemaObject(branch)) {
    if (tagProperty) {
      const literal = literalOfProperty(branch, tagProperty);
      if (literal !== undefined) return String(literal);
    }
    if (typeof branch.title === "string" && branch.title.trim() !== "") return branch.title;
  }
  return `variant${index + 1}`;
}

/** `properties[p]` of an inline schema when it holds a single string/number value. */
function literalOfProperty(schema: Schema, property: string): string | number | boolean | undefined {
  const props = schema.properties;
  if (!isSchemaObject(props)) return undefined;
  const p = props[property];
  if (!isSchemaObject(p)) return undefined;
  if ("const" in p && p.const !== null && typeof p.const !== "object") return p.const as string | number | boolean;
  if (Array.isArray(p.enum)) {
    const values = p.enum.filter((v) => v !== null);
    if (values.length === 1 && typeof values[0] !== "object") return values[0] as string | number | boolean;
  }
  return undefined;
}

/** The word a step into a child schema adds; undefined for steps that add none (allOf members). */
function stepWord(container: Schema, tokens: string[]): string | undefined {
  const kw = tokens[0];
  const key = tokens[1];
  switch (kw) {
    case "properties":
      return key;
    case "items":
      return "item";
    case "additionalProperties":
      return "value";
    case "allOf":
      return undefined;
    case "oneOf":
    case "anyOf": {
      const branches = container[kw];
      const disc = isSchemaObject(container.discriminator) ? container.discriminator.propertyName : undefined;
      const branch = Array.isArray(branches) ? branches[Number(key)] : undefined;
      return variantWord(branch, Number(key), typeof disc === "string" ? disc : "type");
    }
    default:
      return key ?? kw;
  }
}

const COLLECTIONS = new Set(["schemas", "$defs", "definitions"]);
/** Keywords whose next token is a property's name, never a keyword (a property may be called `schemas`). */
const NAMING_KEYWORDS = new Set(["properties", "patternProperties", "dependentSchemas"]);

/**
 * Where the named definition a pointer goes through starts: the index of its name after the first
 * collection keyword (`components/schemas/X`, `$defs/X`, `definitions/X`), or -1 for none. A
 * collection word in a property's name position is a name, not a collection.
 */
function definitionStart(tokens: string[]): number {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (COLLECTIONS.has(tokens[i]!) && !(i > 0 && NAMING_KEYWORDS.has(tokens[i - 1]!))) return i + 1;
  }
  return -1;
}

/** Does the pointer lead into a named definition (`components/schemas/X/properties/y`), not to one (`components/schemas/X`)? */
export function isInsideDefinition(pointer: string): boolean {
  const tokens = parsePointer(pointer);
  const start = definitionStart(tokens);
  return start !== -1 && start + 1 < tokens.length;
}

/**
 * Hint for a schema reached only by a $ref, from its file and pointer. A named definition
 * (`schemas/X`, `$defs/X`) is named by its key; a schema elsewhere in another file by its `title`,
 * else the file's stem plus the pointer's last token (`models/droplet_create.yml` -> droplet_create).
 */
export function hintForPointer(docValue: unknown, file: string, pointer: string, isRoot = true): string[] {
  const tokens = parsePointer(pointer);
  const fileWord = path.posix.basename(file).replace(/\.(ya?ml|json)$/i, "");
  // The named definition the pointer starts from: components/schemas/X, $defs/X, definitions/X.
  const start = definitionStart(tokens);
  if (start === -1) {
    if (isRoot) return [tokens.length ? tokens[tokens.length - 1]! : fileWord];
    const found = lookupPointer(docValue, pointer);
    const title = found.found && isSchemaObject(found.value) && typeof found.value.title === "string" ? found.value.title.trim() : "";
    if (title !== "") return [title];
    return tokens.length ? [fileWord, tokens[tokens.length - 1]!] : [fileWord];
  }
  const words = [tokens[start]!];
  let i = start + 1;
  let prefix = appendPointer("", ...tokens.slice(0, start + 1));
  while (i < tokens.length) {
    const found = lookupPointer(docValue, prefix);
    const container = found.found && isSchemaObject(found.value) ? found.value : {};
    const kw = tokens[i]!;
    const takesKey = kw === "properties" || kw === "oneOf" || kw === "anyOf" || kw === "allOf" || kw === "$defs" || kw === "definitions";
    const step = takesKey ? tokens.slice(i, i + 2) : [kw];
    const word = stepWord(container, step);
    if (word !== undefined) words.push(word);
    prefix = appendPointer(prefix, ...step);
    i += step.length;
  }
  return words;
}
