// The fallback for the few files whose line breaking Prettier decides inside generic arguments:
// format just those with Prettier itself (loaded only when needed, default options). Required,
// not imported: the CLI's bundle runs as a script compiled with its code cache (src/boot/), where
// a dynamic `import()` has no module loader to call.
import { lazyPackage } from "../../common/lazy-package.js";

const prettier = lazyPackage<typeof import("prettier")>("prettier");

export async function formatWithPrettier(files: { path: string; contents: string }[]): Promise<void> {
  if (files.length === 0) return;
  for (const f of files) f.contents = await prettier().format(f.contents, { parser: "typescript", filepath: f.path });
}
