// What the settings map to a language's own or the user's types, as one target sees it: each
// format's choice (`types`, the top level's merged under the language's own) and the mapped models
// (`map`). Targets ask this; how each writes the answer is theirs.
import type { PrimitiveType } from "../ir/types.js";
import { MAPPABLE_FORMATS, mappableFormat, type MappableFormat } from "../ir/customize/formats.js";
import type { UserType } from "./target.js";

/** A format written as the language's own type, or as a type of the user's (whose codec the user supplies). */
export type FormatChoice = { native: MappableFormat } | { user: UserType };

export interface Mappings {
  /** How a primitive is written when the settings map its format; undefined: its wire type. */
  format(t: Pick<PrimitiveType, "type" | "format">): FormatChoice | undefined;
  /** The user's type for a mapped model; undefined: the model is generated. */
  model(id: string): UserType | undefined;
  /** Formats mapped to the language's own type, in MAPPABLE_FORMATS order. */
  natives: MappableFormat[];
  /** Some format or model is mapped to a type of the user's. */
  hasUserTypes: boolean;
}

/** `options.types` as validated (`native`, `wire` or the user's type per format) and `map`'s entries for this language. */
export function mappingsOf(options: Record<string, unknown>, mapped: Readonly<Record<string, UserType>> = {}): Mappings {
  const types = (options.types ?? {}) as Partial<Record<MappableFormat, UserType>>;
  const choices = new Map<MappableFormat, FormatChoice>();
  for (const f of MAPPABLE_FORMATS) {
    const v = types[f];
    if (v === undefined || v === "wire") continue;
    choices.set(f, v === "native" ? { native: f } : { user: v });
  }
  // Asked for every model reference a target writes: a Map (a plain object's lookup by a long, not
  // interned id string was ~2% of a cold run).
  const models = new Map(Object.entries(mapped));
  return {
    format: (t) => {
      const f = mappableFormat(t);
      return f ? choices.get(f) : undefined;
    },
    model: (id) => models.get(id),
    natives: MAPPABLE_FORMATS.filter((f) => types[f] === "native"),
    hasUserTypes: [...choices.values()].some((c) => "user" in c) || models.size > 0,
  };
}

/** No format or model mapped: every type as on the wire. */
export const WIRE_TYPES: Mappings = mappingsOf({});

/**
 * Do the options give some string format a type of its own (so `date-time` -> `uuid` is no longer
 * the same type, and `diff` judges it breaking)? `native` counts only where it is a type of its own.
 */
export function stringFormatsMapped(options: Record<string, unknown>, nativeIsOwnType: boolean): boolean {
  const types = (options.types ?? {}) as Record<string, unknown>;
  return (["date-time", "date", "uuid"] as const).some(
    (f) => types[f] !== undefined && types[f] !== "wire" && (nativeIsOwnType || types[f] !== "native"),
  );
}
