// The Elixir target's options (`elixir:` in the config file), declared as data for the settings
// schema and read once per run:
//   namespace   root module of every model (default: the spec title in PascalCase)
//   app         OTP application name in mix.exs (default: the namespace in snake_case)
//   version     project version in mix.exs (default: the spec's version when it is SemVer)
//   openEnums   an enum value the spec does not list decodes as itself (a string or number) and
//               encodes back unchanged, instead of failing (default true)
//   openUnions  an object whose union tag the spec does not list decodes as the map received and
//               encodes back unchanged, instead of failing (default true)
import { UsageError } from "../../common/errors.js";

/** The options that change the models' behaviour (`namespace`, `app`, `version` are read where they are used). */
export interface ElixirOptions {
  openEnums: boolean;
  openUnions: boolean;
}

export const ELIXIR_OPTIONS_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: {
    namespace: {
      type: "string",
      description: 'Root module of the models, an Elixir alias such as "MyApp.Models" (default: from the spec title).',
    },
    app: { type: "string", description: "OTP application name in mix.exs, snake_case (default: from the namespace)." },
    version: {
      type: "string",
      description: "Project version in mix.exs, SemVer (default: the spec's version when it is SemVer, else 0.1.0).",
    },
    openEnums: {
      type: "boolean",
      description: "Keep an enum value the spec does not list (its string or number) instead of failing (default true).",
    },
    openUnions: {
      type: "boolean",
      description: "Keep an object whose union tag the spec does not list, as the map received, instead of failing (default true).",
    },
  },
  additionalProperties: false,
};

const KNOWN = Object.keys(ELIXIR_OPTIONS_SCHEMA.properties as object);

/**
 * The options with their defaults. The settings schema checks them first when they come from a
 * config file; this check also covers the library API and tests, which pass options directly.
 * `namespace`, `app` and `version` are checked where they are used (naming.ts, project.ts).
 */
export function elixirOptions(o: Record<string, unknown>): ElixirOptions {
  const unknown = Object.keys(o).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw new UsageError(`elixir: unknown option(s) ${unknown.join(", ")} (known: ${KNOWN.join(", ")})`);
  const flag = (key: "openEnums" | "openUnions"): boolean => {
    const v = o[key] ?? true;
    if (typeof v !== "boolean") throw new UsageError(`elixir: ${key} must be true or false, got ${JSON.stringify(v)}`);
    return v;
  };
  return { openEnums: flag("openEnums"), openUnions: flag("openUnions") };
}
