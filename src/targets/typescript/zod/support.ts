// The support module the schemas import their helpers from (templates/typescript/zod-support.hbs):
// its file name, which no model file can take (a model file is named by a PascalCase type name,
// which has no hyphen), and the names it exports (reserved for schema consts): the helpers, and
// `recursive` (inferred types) or `typed` (declared types), which give a schema its model's type.

export const SUPPORT_FILE = "zod-support";

export const SUPPORT_EXPORTS = [
  "passthroughObject",
  "openEnum",
  "openTags",
  "tagged",
  "nullAsAbsent",
  "tolerant",
  "int64",
  "recursive",
  "typed",
] as const;

export type SupportExport = (typeof SUPPORT_EXPORTS)[number];
