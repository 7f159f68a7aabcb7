// Golden files: for every fixture under test/fixtures/ and every registered target, the generated
// files must equal test/golden/<fixture>/<lang>/ byte for byte (real file extensions), and the IR
// must equal test/golden/<fixture>/ir.json. `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
// rewrites them; review the diff like any other change.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TARGETS } from "../src/targets/registry.js";
import { fixtureSpecs, irOf, renderAsync, REPO } from "./helpers/generate.js";

const GOLDEN = path.join(REPO, "test/golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const fixtures = fixtureSpecs();

function listFiles(dir: string, rel = ""): string[] {
  if (!existsSync(path.join(dir, rel))) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, rel ? `${rel}/${e.name}` : e.name) : [rel ? `${rel}/${e.name}` : e.name],
  );
}

function compareOrUpdate(dir: string, files: { path: string; contents: string }[]): void {
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.contents);
    }
    return;
  }
  expect(listFiles(dir).sort(), `files in ${path.relative(REPO, dir)} (UPDATE_GOLDEN=1 to rewrite)`).toEqual(files.map((f) => f.path).sort());
  for (const f of files) {
    expect(f.contents, `${path.relative(REPO, path.join(dir, f.path))} (UPDATE_GOLDEN=1 to rewrite)`).toBe(readFileSync(path.join(dir, f.path), "utf8"));
  }
}

describe.each(fixtures)("$name", ({ name, spec }) => {

  it("IR snapshot", () => {
    // One file beside the language folders, so it is compared on its own (a folder comparison here
    // would see, or on update delete, the language goldens).
    const file = path.join(GOLDEN, name, "ir.json");
    const contents = JSON.stringify(irOf(spec), null, 2) + "\n";
    if (UPDATE) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, contents);
      return;
    }
    expect(existsSync(file), `${path.relative(REPO, file)} missing (UPDATE_GOLDEN=1 to write)`).toBe(true);
    expect(contents, `${path.relative(REPO, file)} (UPDATE_GOLDEN=1 to rewrite)`).toBe(readFileSync(file, "utf8"));
  });

  it.each(TARGETS.map((t) => t.name))("%s golden files", async (lang) => {
    compareOrUpdate(path.join(GOLDEN, name, lang), await renderAsync(spec, lang));
  });
});

// The TypeScript target with zod validators (`typescript: { validators: zod }`), in its own folder
// beside the plain TypeScript goldens, for spec/ and the fixtures with recursion, unions, subtypes,
// nullable aliases and multipart uploads.
const ZOD_GOLDENS = [
  { name: "spec", spec: path.join(REPO, "spec/openapi.yaml") },
  ...fixtures.filter((f) => ["failure-classes", "inheritance", "petstore", "recursion", "unions"].includes(f.name)),
];

describe.each(ZOD_GOLDENS)("$name", ({ name, spec }) => {
  it("typescript golden files with zod validators", async () => {
    compareOrUpdate(path.join(GOLDEN, name, "typescript-zod"), await renderAsync(spec, "typescript", { options: { validators: "zod" } }));
  });
});

// The inferred validator types (`validatorTypes: inferred`; declared is the default) for spec/.
it("spec: typescript golden files with zod validators, inferred types", async () => {
  const spec = path.join(REPO, "spec/openapi.yaml");
  const files = await renderAsync(spec, "typescript", { options: { validators: "zod", validatorTypes: "inferred" } });
  compareOrUpdate(path.join(GOLDEN, "spec", "typescript-zod-inferred"), files);
});
