// IR type expressions as TypeScript type strings. A type is returned as its union members so the
// layout can break long unions the way Prettier does.
import type { NameTable } from "../../naming/assign.js";
import { dottedPath } from "../../naming/dotted.js";
import { isInlineEnum, type ModelIndex } from "../../ir/query.js";
import type { TypeExpr, WireValue } from "../../ir/types.js";
import { stringLiteral } from "./naming.js";
import { BINARY_TYPE } from "./uploads.js";
import { reachesEagerly } from "./recursion.js";
import type { Mappings } from "../mappings.js";
import type { UserType } from "../target.js";

export interface TsTypeContext {
  models: ModelIndex;
  names: NameTable;
  /** How int64/uint64 integers are typed: `number` (JSON.parse's own type) or `bigint`. */
  int64: "number" | "bigint";
  /** Told about every model a type mentions, so the file can import it. */
  onRef(id: string): void;
  /** Typing the parts of a multipart body: a binary string is an upload (see uploads.ts). */
  uploads?: boolean;
  /**
   * The model whose `type` alias is being written: a map leading back to it is written as an
   * index-signature object type, which tsc accepts in a recursive alias (see recursion.ts).
   */
  declaring?: string;
  /**
   * Formats and models the settings map. `native` changes nothing here: the types describe
   * JSON.parse's output, where a date-time is still a string. A user's type replaces the wire type.
   */
  mappings?: Mappings;
  /** Told about every user's type imported from a module (`{ from, name }`), so the file imports it. */
  onUserImport?(from: string, name: string): void;
}

/** A user's type as written: a global name (`Date`) as is, an import by its name (the file imports it). */
function userTypeName(u: UserType, ctx: Pick<TsTypeContext, "onUserImport">): string {
  if (typeof u === "string") return u;
  ctx.onUserImport?.(u.from, u.name);
  return u.name;
}

/**
 * Members of the top-level union of `t`. An enum hoisted from an inline schema is spelled as its
 * literal union where it is used (openai-node writes `status: 'queued' | ...`), never declared.
 */
export function unionParts(t: TypeExpr, ctx: TsTypeContext): string[] {
  const parts = coreParts(t, ctx);
  if (isNullable(t, ctx) && t.kind !== "unknown" && !parts.includes("null")) parts.push("null");
  return parts;
}

/**
 * A nullable model is declared without null (the alias names the value, as openai-node's
 * `Metadata` does), so null is written where it is used. The IR marks every reference to a
 * nullable model nullable; the model's own flag is read too, so no use can lose the null.
 */
function isNullable(t: TypeExpr, ctx: TsTypeContext): boolean {
  return t.nullable === true || (t.kind === "ref" && ctx.models.get(t.target)?.nullable === true);
}

export function typeString(t: TypeExpr, ctx: TsTypeContext): string {
  return unionParts(t, ctx).join(" | ");
}

function coreParts(t: TypeExpr, ctx: TsTypeContext): string[] {
  switch (t.kind) {
    case "primitive": {
      const choice = ctx.mappings?.format(t);
      if (choice && "user" in choice) return [userTypeName(choice.user, ctx)];
      return [primitive(t.type, t.format, ctx)];
    }
    case "literal":
      return [wireLiteral(t, t.format, ctx.int64)];
    case "unknown":
      return ["unknown"];
    case "array": {
      // tsc resolves array items lazily: nothing inside needs the recursive spelling.
      return [`Array<${typeString(t.items, ctx.declaring === undefined ? ctx : { ...ctx, declaring: undefined })}>`];
    }
    case "map": {
      const values = typeString(t.values, ctx);
      return [
        ctx.declaring !== undefined && reachesEagerly(t.values, ctx.declaring, ctx.models)
          ? `{ [key: string]: ${values} }`
          : `Record<string, ${values}>`,
      ];
    }
    case "ref": {
      const target = ctx.models.get(t.target);
      // Enums hoisted from inline schemas are written inline, as openai-node does.
      if (isInlineEnum(target)) return target.members.map((m) => wireLiteral(m, target.format, ctx.int64));
      const user = ctx.mappings?.model(t.target);
      if (user !== undefined) return [userTypeName(user, ctx)];
      ctx.onRef(t.target);
      return [dottedPath(ctx.names, t.target)];
    }
  }
}

function primitive(type: string, format: string | undefined, ctx: TsTypeContext): string {
  switch (type) {
    case "string":
      return format === "binary" && ctx.uploads ? BINARY_TYPE : "string";
    case "boolean":
      return "boolean";
    default:
      return type === "integer" && isBigint(format, ctx.int64) ? "bigint" : "number";
  }
}

/** An int64 or uint64 typed as a bigint (`int64: bigint`): its integers, literals and enum values alike. */
export function isBigint(format: string | undefined, int64: TsTypeContext["int64"]): boolean {
  return int64 === "bigint" && (format === "int64" || format === "uint64");
}

/** A literal's or an enum member's value is written as a bigint: an integer of a format typed as one. */
export function isBigintValue(w: WireValue, format: string | undefined, int64: TsTypeContext["int64"]): boolean {
  return typeof w.value === "number" && Number.isInteger(w.value) && isBigint(format, int64);
}

/** A literal's or an enum member's value as a TypeScript literal: a bigint one (the spec's digits) where the format is one. */
export function wireLiteral(w: WireValue, format: string | undefined, int64: TsTypeContext["int64"]): string {
  return isBigintValue(w, format, int64) ? `${w.exact ?? BigInt(w.value).toString()}n` : literal(w.value);
}

export function literal(value: string | number | boolean): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}
