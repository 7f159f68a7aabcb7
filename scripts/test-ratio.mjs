// Prints lines of TypeScript tests per line of TypeScript source and fails under 1.0 (issue 19's
// habit: the code is at least as much tested as it is written). Counted: non-blank lines of
// src/**/*.ts against test/**/*.ts, leaving out what is not this project's test code: the generated
// TypeScript the goldens and payloads hold (host-language output) and fixtures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MIN_RATIO = 1.0;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NOT_TEST_CODE = ["test/golden/", "test/hosts/", "test/compile/payloads/", "/fixtures/"];

function* tsFiles(dir) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* tsFiles(rel);
    else if (entry.name.endsWith(".ts")) yield rel;
  }
}

function countLines(dir) {
  let lines = 0;
  for (const file of tsFiles(dir)) {
    if (NOT_TEST_CODE.some((part) => file.includes(part))) continue;
    lines += readFileSync(path.join(root, file), "utf8").split("\n").filter((l) => l.trim() !== "").length;
  }
  return lines;
}

const source = countLines("src");
const tests = countLines("test");
const ratio = tests / source;
console.log(`test lines per source line: ${ratio.toFixed(3)} (${tests} test, ${source} source; minimum ${MIN_RATIO.toFixed(1)})`);
if (ratio < MIN_RATIO) {
  console.error(`under ${MIN_RATIO.toFixed(1)}: the source grew faster than its tests`);
  process.exit(1);
}
