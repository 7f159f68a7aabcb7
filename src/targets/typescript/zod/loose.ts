// The declared validator types (`validatorTypes: declared`, the default): the model files call zod
// through a loosely typed view of it, so tsc resolves no generic call for the generated schemas
// (resolving some 13,000 of them, inferring their type arguments, was most of its time), and each
// schema gets its model's type by declaration: `typed<Run>(passthroughObject({ ... }))`.
//
// The loose view is written into zod-support.ts from the tables below, which are also the only
// names the expressions can be built with (`zod(factory)` and `method(name)` in expr.ts take
// their keys, helpers are SUPPORT_EXPORTS): what the generator can emit, the interface lists.
// Every argument a schema is given is checked to be a schema (`SchemaLike`: it has `_zod`), a
// cheap check that still catches a non-schema passed where zod wants one.
import type { SupportExport } from "./support.js";

/** The methods the schema expressions call on a schema, with their loose parameter lists. */
export const LOOSE_METHODS = {
  nullable: "()",
  optional: "()",
  default: "(value: null)",
  min: "(value: number | bigint)",
  max: "(value: number | bigint)",
  gt: "(value: number | bigint)",
  lt: "(value: number | bigint)",
  multipleOf: "(value: number | bigint)",
  regex: "(pattern: RegExp)",
  catchall: "(schema: SchemaLike)",
  pipe: "(schema: SchemaLike)",
} as const satisfies Record<string, string>;

/** The factories of `z` the schema expressions call, with their loose parameter lists. */
export const LOOSE_FACTORIES = {
  string: "()",
  int: "()",
  bigint: "()",
  number: "()",
  boolean: "()",
  unknown: "()",
  literal: "(value: Literal | readonly Literal[])",
  enum: "(values: readonly string[])",
  array: "(item: SchemaLike)",
  record: "(key: SchemaLike, value: SchemaLike)",
  object: "(shape: Shape)",
  strictObject: "(shape: Shape)",
  // A tuple, not an array: tsc types an array literal against a tuple element by element, where
  // for an array it builds the union of the elements' types and reduces it, comparing every
  // variant's `z.ZodType<Model>` with every other (half of tsc's types over OpenAI's spec).
  union: "(options: Options)",
  discriminatedUnion: "(tag: string, options: Options)",
  lazy: "(schema: () => SchemaLike)",
  nullable: "(schema: SchemaLike)",
  instanceof: "(type: abstract new (...args: never[]) => unknown)",
} as const satisfies Record<string, string>;

/** The support helpers as the schemas use them, as members of an interface (`recursive` is the inferred types' alone). */
const LOOSE_HELPERS: Record<Exclude<SupportExport, "recursive" | "typed">, string> = {
  passthroughObject: "(shape: Shape): Loose",
  openEnum: "(known: SchemaLike): Loose",
  openTags: "(union: SchemaLike): Loose",
  tagged: "(property: string, tags: Tags, variant: SchemaLike): Loose",
  nullAsAbsent: "(field: SchemaLike): Loose",
  tolerant: "(field: SchemaLike): Loose",
  int64: ": Loose",
};

export type ZodMethod = keyof typeof LOOSE_METHODS;
export type ZodFactory = keyof typeof LOOSE_FACTORIES;

/** The view zod-support.ts writes its loose section from: interface members, one a line, indented. */
export interface LooseTyping {
  /** `interface Loose` (a schema): the methods the schemas call. */
  methods: string[];
  /** `interface LooseZod` (the `z` the model files import): the factories the schemas call. */
  factories: string[];
  /** The helpers, each exported under its own name, loosely typed. */
  helpers: LooseHelperView[];
}

export interface LooseHelperView {
  /** The helper's name (`openEnum`). */
  name: string;
  /** Its member of `interface LooseHelpers`, indented (`  openEnum(known: SchemaLike): Loose;`). */
  member: string;
  /** The local const its loose typing is exported from (`looseOpenEnum`; the name itself is the generic helper's). */
  local: string;
}

export function looseTyping(): LooseTyping {
  const member = ([name, params]: [string, string]) => `  ${name}${params}: Loose;`;
  return {
    methods: Object.entries(LOOSE_METHODS).map(member),
    factories: Object.entries(LOOSE_FACTORIES).map(member),
    helpers: Object.entries(LOOSE_HELPERS).map(([name, signature]): LooseHelperView => ({
      name,
      member: `  ${name}${signature};`,
      local: `loose${name[0]!.toUpperCase()}${name.slice(1)}`,
    })),
  };
}
