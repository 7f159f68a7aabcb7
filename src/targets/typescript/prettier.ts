// The fallback for the few files whose line breaking Prettier decides inside generic arguments:
// format just those with Prettier itself (loaded only when needed, default options).

export async function formatWithPrettier(files: { path: string; contents: string }[]): Promise<void> {
  if (files.length === 0) return;
  const prettier = await import("prettier");
  for (const f of files) f.contents = await prettier.format(f.contents, { parser: "typescript", filepath: f.path });
}
