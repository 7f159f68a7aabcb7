// The library names a generated file may import, and the `import` lines that bring them in:
// one line per package, packages and names in code-unit order, so the output is byte-stable.
import { compareStrings } from "../../common/order.js";

/** Names generated code uses unqualified; each is reserved as a model name (see reserved.ts). */
export type ImportName = "Codec" | "Decoder" | "Encoder" | "Json" | "ArraySeq";

/** The package each name is imported from. */
const PACKAGE_OF: Record<ImportName, string> = {
  Codec: "io.circe",
  Decoder: "io.circe",
  Encoder: "io.circe",
  Json: "io.circe",
  // Bytes (`format: binary`) are an immutable ArraySeq[Byte]: compact, and equal by content.
  ArraySeq: "scala.collection.immutable",
};

/** `import io.circe.{Codec, Json}`, `import scala.collection.immutable.ArraySeq`: one line per package. */
export function importLines(names: Iterable<ImportName>): string[] {
  const byPackage = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const pkg = PACKAGE_OF[name];
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), name]);
  }
  return [...byPackage.keys()].sort(compareStrings).map((pkg) => {
    const list = byPackage.get(pkg)!.sort(compareStrings);
    return list.length === 1 ? `import ${pkg}.${list[0]}` : `import ${pkg}.{${list.join(", ")}}`;
  });
}
