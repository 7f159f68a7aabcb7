// The TypeScript target's options (`typescript:` in the config file), declared as data for the
// settings schema and read once per run:
//   int64        how int64/uint64 integers are typed: number (default) or bigint
//   validators   "zod": a zod 4 schema beside every model (default: none, types only)
//   unknownKeys  what the validators do with keys an object does not declare: passthrough
//                (default: kept, the API adds fields), strip, strict (rejected)
//   openEnums    validators accept an enum value they do not list (default true)
//   openUnions   validators accept an object whose union tag they do not list, unchanged (default true)
//   validatorTypes  how the schemas are typed: declared (default: each is its model's `z.ZodType<Model>`,
//                through loosely typed zod calls that tsc checks fast) or inferred (zod's own types)
import { validateOptions, withTypesOption } from "../common/options-schema.js";

export type UnknownKeys = "passthrough" | "strip" | "strict";
export type ValidatorTypes = "declared" | "inferred";

export interface TsOptions {
  int64: "number" | "bigint";
  validators?: "zod";
  unknownKeys: UnknownKeys;
  openEnums: boolean;
  openUnions: boolean;
  validatorTypes: ValidatorTypes;
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
    validatorTypes: {
      enum: ["declared", "inferred"],
      description: "Validators: each schema typed as its model by declaration (default; fast to type-check) or by zod's inference.",
    },
  },
  additionalProperties: false,
};

/** A type of the user's in TypeScript: a global type name (`Date`), or a named import. */
export const TS_USER_TYPE_SCHEMA: Record<string, unknown> = {
  oneOf: [
    { type: "string", minLength: 1 },
    {
      type: "object",
      properties: {
        from: {
          type: "string",
          minLength: 1,
          description: "Module to import from, as an import specifier (relative to the output folder).",
        },
        name: { type: "string", minLength: 1 },
      },
      required: ["from", "name"],
      additionalProperties: false,
    },
  ],
};

const TS_OPTIONS = withTypesOption(TS_OPTIONS_SCHEMA, TS_USER_TYPE_SCHEMA);

/** The options with their defaults, after the one check every target's options get (validateOptions). */
export function tsOptions(o: Record<string, unknown>): TsOptions {
  validateOptions("typescript", TS_OPTIONS, o);
  const validators = o.validators as "zod" | undefined;
  return {
    int64: (o.int64 as TsOptions["int64"] | undefined) ?? "number",
    ...(validators ? { validators } : {}),
    unknownKeys: (o.unknownKeys as UnknownKeys | undefined) ?? "passthrough",
    openEnums: (o.openEnums as boolean | undefined) ?? true,
    openUnions: (o.openUnions as boolean | undefined) ?? true,
    validatorTypes: (o.validatorTypes as ValidatorTypes | undefined) ?? "declared",
  };
}
