// The support module the schemas import their helpers from (templates/typescript/zod-support.hbs):
// its file name, which no model file can take (a model file is named by a PascalCase type name,
// which has no hyphen), and the names it exports (reserved for schema consts).

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
] as const;
