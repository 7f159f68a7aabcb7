// The expressions a zod schema is written with: a small syntax tree (identifiers, literals, member
// access, calls, arrays, object literals, arrow functions) that the layout (print.ts) lays out the
// way Prettier does, and that records which names a file must import. Methods and zod factories are
// named from loose.ts's tables, so the declared types list everything the expressions call.
import type { ZodFactory, ZodMethod } from "./loose.js";
import type { SupportExport } from "./support.js";

export type ZodExpr =
  | { kind: "ident"; name: string }
  /** A literal exactly as written: a string literal, number, boolean, `null`, a regex literal. */
  | { kind: "text"; text: string }
  | { kind: "member"; object: ZodExpr; property: string }
  | { kind: "call"; callee: ZodExpr; args: ZodExpr[] }
  | { kind: "array"; items: ZodExpr[] }
  /** Always written expanded (one entry a line), which Prettier keeps. */
  | { kind: "object"; entries: ObjectEntry[] }
  /** `() => body` */
  | { kind: "arrow"; body: ZodExpr };

export interface ObjectEntry {
  key: string;
  value: ZodExpr;
  /** Line comments written above the entry (without `// `). */
  comments?: string[];
}

export const ident = (name: string): ZodExpr => ({ kind: "ident", name });
export const text = (value: string): ZodExpr => ({ kind: "text", text: value });
const member = (object: ZodExpr, property: string): ZodExpr => ({ kind: "member", object, property });
export const call = (callee: ZodExpr, ...args: ZodExpr[]): ZodExpr => ({ kind: "call", callee, args });
/** `object.method(args)` */
export const method = (object: ZodExpr, name: ZodMethod, ...args: ZodExpr[]): ZodExpr => call(member(object, name), ...args);
export const array = (items: ZodExpr[]): ZodExpr => ({ kind: "array", items });
export const object = (entries: ObjectEntry[]): ZodExpr => ({ kind: "object", entries });
export const arrow = (body: ZodExpr): ZodExpr => ({ kind: "arrow", body });

/** The zod namespace and a call of one of its factories: `z.string()`, `z.array(item)`. */
const Z = ident("z");
export const zod = (factory: ZodFactory, ...args: ZodExpr[]): ZodExpr => call(member(Z, factory), ...args);

/**
 * `schema.nullable()`, written `z.nullable(XSchema)` when the schema is a name (another model's
 * schema): with declared types that name is a `z.ZodType<Model>`, whose `.nullable()` is zod's
 * generic method, resolved by tsc once per model (~490 calls over OpenAI's spec, a tenth of its
 * time), where the factory takes any schema through the loose view. The same schema at run time:
 * zod's method calls the factory.
 */
export const nullable = (e: ZodExpr): ZodExpr => (e.kind === "ident" ? zod("nullable", e) : method(e, "nullable"));

/** A support helper (zod-support.ts), called (`openEnum(known)`) or, without arguments, named (`int64`). */
export const helper = (name: SupportExport, ...args: ZodExpr[]): ZodExpr => (args.length ? call(ident(name), ...args) : ident(name));

/** Every identifier an expression uses at its root (`z`, `FooSchema`, `openEnum`), for imports. */
export function identifiers(e: ZodExpr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case "ident":
      out.add(e.name);
      break;
    case "text":
      break;
    case "member":
      identifiers(e.object, out);
      break;
    case "call":
      identifiers(e.callee, out);
      for (const a of e.args) identifiers(a, out);
      break;
    case "array":
      for (const i of e.items) identifiers(i, out);
      break;
    case "object":
      for (const x of e.entries) identifiers(x.value, out);
      break;
    case "arrow":
      identifiers(e.body, out);
      break;
  }
  return out;
}
