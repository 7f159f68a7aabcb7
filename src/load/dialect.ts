// Which OpenAPI dialect a document is written in. Only 3.0.x and 3.1.x are read.
import { SpecError } from "../common/errors.js";
import type { ParsedSource } from "./parse-source.js";

export type Dialect = "3.0" | "3.1";

export function detectDialect(doc: ParsedSource & { file: string }): Dialect {
  const root = doc.value;
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    throw new SpecError({ file: doc.file, line: 1, col: 1, pointer: "" }, "not an OpenAPI document: the top level is not a mapping");
  }
  const record = root as Record<string, unknown>;
  const at = (key: string) => {
    const pos = doc.offsetOf(root, key);
    return pos !== undefined ? doc.lineCol(pos) : { line: 1, col: 1 };
  };
  if ("swagger" in record) {
    const { line, col } = at("swagger");
    throw new SpecError(
      { file: doc.file, line, col, pointer: "/swagger" },
      `Swagger ${String(record.swagger)} is not supported; convert it to OpenAPI 3.0 or 3.1 first`,
    );
  }
  if (!("openapi" in record)) {
    throw new SpecError({ file: doc.file, line: 1, col: 1, pointer: "" }, "not an OpenAPI document: no `openapi` version field");
  }
  const version = String(record.openapi);
  if (/^3\.0\.\d+$/.test(version)) return "3.0";
  if (/^3\.1\.\d+$/.test(version)) return "3.1";
  const { line, col } = at("openapi");
  throw new SpecError(
    { file: doc.file, line, col, pointer: "/openapi" },
    `unsupported OpenAPI version "${version}" (supported: 3.0.x, 3.1.x)`,
  );
}
