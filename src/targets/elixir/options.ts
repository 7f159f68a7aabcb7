// The Elixir target's options (`elixir:` in the config file), declared as data for the settings
// schema and read once per run:
//   namespace   root module of every model (default: the spec title in PascalCase)
//   app         OTP application name in mix.exs (default: the namespace in snake_case)
//   version     project version in mix.exs (default: the spec's version when it is SemVer)
//   openEnums   an enum value the spec does not list decodes as itself (a string or number) and
//               encodes back unchanged, instead of failing (default true)
//   openUnions  an object whose union tag the spec does not list decodes as the map received and
//               encodes back unchanged, instead of failing (default true)
import { validateOptions, withTypesOption } from "../common/options-schema.js";

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

const ELIXIR_OPTIONS = withTypesOption(ELIXIR_OPTIONS_SCHEMA);

/**
 * The options with their defaults, after the one check every target's options get (validateOptions:
 * the settings schema's own, also for options that come from the library API or tests).
 * `namespace`, `app` and `version` are checked further where they are used (naming.ts, project.ts).
 */
export function elixirOptions(o: Record<string, unknown>): ElixirOptions {
  validateOptions("elixir", ELIXIR_OPTIONS, o);
  return { openEnums: (o.openEnums as boolean | undefined) ?? true, openUnions: (o.openUnions as boolean | undefined) ?? true };
}
