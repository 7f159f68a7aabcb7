// The TypeScript target's options (`typescript:` in the config file), declared as data for the
// settings schema and read once per run:
//   int64        how int64/uint64 integers are typed: number (default) or bigint
//   validators   "zod": a zod 4 schema beside every model (default: none, types only)
//   unknownKeys  what the validators do with keys an object does not declare: passthrough
//                (default: kept, the API adds fields), strip, strict (rejected)
//   openEnums    validators accept an enum value they do not list (default true)
//   openUnions   validators accept an object whose union tag they do not list, unchanged (default true)
import { UsageError } from "../../common/errors.js";

export type UnknownKeys = "passthrough" | "strip" | "strict";

export interface TsOptions {
  int64: "number" | "bigint";
  validators?: "zod";
  unknownKeys: UnknownKeys;
  openEnums: boolean;
  openUnions: boolean;
}

export const TS_OPTIONS_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    int64: { enum: ["number", "bigint"], description: "How int64/uint64 integers are typed (default number)." },
    validators: { enum: ["zod"], description: "Write a zod 4 schema beside every model (default: types only)." },
    unknownKeys: {
      enum: ["passthrough", "strip", "strict"],
      description: "Validators: keys an object does not declare are kept (default), dropped or rejected.",
    },
    openEnums: { type: "boolean", description: "Validators: accept enum values the spec does not list (default true)." },
    openUnions: {
      type: "boolean",
      description: "Validators: accept objects whose union tag the spec does not list, unchanged (default true).",
    },
  },
  additionalProperties: false,
};

const KNOWN = Object.keys(TS_OPTIONS_SCHEMA.properties as object);

/** The options with their defaults; a wrong value is a usage error (the settings schema says the same earlier). */
export function tsOptions(o: Record<string, unknown>): TsOptions {
  const unknown = Object.keys(o).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw new UsageError(`typescript: unknown option(s) ${unknown.join(", ")} (known: ${KNOWN.join(", ")})`);
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T | undefined): T | undefined => {
    const v = o[key] ?? fallback;
    if (v !== undefined && !allowed.includes(v as T))
      throw new UsageError(`typescript: ${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    return v as T | undefined;
  };
  const flag = (key: string): boolean => {
    const v = o[key] ?? true;
    if (typeof v !== "boolean") throw new UsageError(`typescript: ${key} must be true or false, got ${JSON.stringify(v)}`);
    return v;
  };
  const validators = oneOf("validators", ["zod"] as const, undefined);
  return {
    int64: oneOf("int64", ["number", "bigint"] as const, "number")!,
    ...(validators ? { validators } : {}),
    unknownKeys: oneOf("unknownKeys", ["passthrough", "strip", "strict"] as const, "passthrough")!,
    openEnums: flag("openEnums"),
    openUnions: flag("openUnions"),
  };
}
