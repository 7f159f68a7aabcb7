// A tag no subtype of a type with a discriminator has (ir/normalize/hierarchy.ts: the type is a
// union of what extends it through allOf): the overlay adds a subtype for it, a component that
// extends the type, and maps the tag to it. A oneOf branch would turn the type into another kind of
// union and drop its subtypes.
import { parsePointer } from "../load/pointer.js";
import { pascalCase, splitWords } from "../naming/words.js";
import { isObject } from "./judge.js";

export interface SubtypeTargets {
  /** The normalized path of `components.schemas` in the type's document. */
  schemas: string;
  /** The normalized path of the type's schema. */
  type: string;
}

/** Whether the schema at a union's source is a type its subtypes extend (no oneOf/anyOf of its own). */
export function isExtendedType(node: Record<string, unknown>): boolean {
  return !Array.isArray(node.oneOf) && !Array.isArray(node.anyOf);
}

export function subtypeActions(
  root: unknown,
  pointer: string,
  property: string,
  tag: string,
  targets: SubtypeTargets,
  description: string,
  taken: Set<string>,
): { target: string; description: string; update: unknown }[] {
  const schemas = isObject(root) && isObject(root.components) && isObject(root.components.schemas) ? root.components.schemas : {};
  const name = freeName(schemas, taken, `${parsePointer(pointer).at(-1) ?? "Type"}${pascalCase(splitWords(tag))}`);
  taken.add(name);
  return [
    { target: targets.schemas, description, update: { [name]: { allOf: [{ $ref: `#${pointer}` }] } } },
    {
      target: targets.type,
      description,
      update: { discriminator: { propertyName: property, mapping: { [tag]: `#/components/schemas/${name}` } } },
    },
  ];
}

/** `name`, or `name2`, `name3`, ... when the document already has a schema called that, or an earlier action added one. */
function freeName(schemas: Record<string, unknown>, taken: ReadonlySet<string>, name: string): string {
  const free = (n: string) => !(n in schemas) && !taken.has(n);
  if (free(name)) return name;
  for (let i = 2; ; i++) if (free(`${name}${i}`)) return `${name}${i}`;
}
