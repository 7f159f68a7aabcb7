// Fails when a line of src/ is longer than 140 columns. Biome's linter has no line-length rule and its
// formatter is off (turning it on would rewrap the whole codebase), so this small check keeps the limit.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const MAX = 140;
const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith(".ts")) yield full;
  }
}

const long = [];
for (const file of sourceFiles(path.join(root, "src"))) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.length > MAX) long.push(`${path.relative(root, file)}:${i + 1}: ${line.length} columns`);
    });
}
if (long.length) {
  console.error(`${long.length} line(s) of src/ over ${MAX} columns:\n${long.join("\n")}`);
  process.exit(1);
}
