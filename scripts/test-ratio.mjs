// Prints lines of TypeScript tests per line of TypeScript source. Issue 19's goal is 1.0 (the code at
// least as much tested as it is written); until it is met the check fails under FLOOR, the ratio
// reached so far, so the ratio can only go up: raise FLOOR as tests are added. Counted: non-blank lines of
// src/**/*.ts against test/**/*.ts, leaving out what is not this project's test code: the generated
// TypeScript the goldens and payloads hold (host-language output) and fixtures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const GOAL = 1.0;
const FLOOR = 0.86;
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
    if (NOT_TEST_CODE.some((part) => `${file}/`.includes(part) || file.includes(part))) continue;
    lines += readFileSync(path.join(root, file), "utf8").split("\n").filter((l) => l.trim() !== "").length;
  }
  return lines;
}

const source = countLines("src");
const tests = countLines("test");
const ratio = tests / source;
console.log(`test lines per source line: ${ratio.toFixed(2)} (${tests} test, ${source} source; floor ${FLOOR}, goal ${GOAL})`);
if (ratio < FLOOR) {
  console.error(`under the floor of ${FLOOR}: add tests with the code`);
  process.exit(1);
}
