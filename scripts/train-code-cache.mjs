// Makes the V8 code caches of the CLI and the render worker (dist/cli.cjs.cache,
// dist/render-worker.cjs.cache, used by src/boot/code-cache.ts): the CLI runs on a copy of spec/ in
// "train" mode, where each thread writes the bytecode of every function compiled so far (at exit, a
// worker when it has replied), each run starting from the previous one's cache, so they add up: a
// cold run of four languages on one thread, runs of two languages with the render worker (each
// language on the worker once), and a regeneration after a field is added (the incremental paths). Which spec trains it changes no output, only which
// functions are ready compiled; the rest compile as they would without a cache. Skipped when the
// caches already belong to these bundles' bytes and this Node; a failed training leaves no cache
// (runs then compile as before) and says so.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

/** The bundles that run through a code cache (src/boot/), each with its cache beside it. */
const BUNDLES = ["dist/cli.cjs", "dist/render-worker.cjs"];

/** `codeCache`: src/boot/code-cache.ts as built (its cacheKey and readCache). */
export function trainCodeCache(root, codeCache) {
  const cacheFiles = BUNDLES.map((b) => path.join(root, `${b}.cache`));
  const fresh = BUNDLES.every((b, i) => codeCache.readCache(cacheFiles[i], codeCache.cacheKey(readFileSync(path.join(root, b), "utf8"))) instanceof Buffer);
  if (fresh) return;
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-train-"));
  try {
    cpSync(path.join(root, "spec"), path.join(work, "spec"), { recursive: true });
    const spec = path.join(work, "spec/openapi.yaml");
    const doc = YAML.parseDocument(readFileSync(spec, "utf8"));
    // Written back by the same library before and after the edit: the two texts differ only there.
    writeFileSync(spec, doc.toString());
    const run = (out, env = {}, langs = []) =>
      execFileSync(process.execPath, [path.join(root, "dist/main.cjs"), "generate", "--quiet", "--spec", spec, "--out", path.join(work, out), ...langs], {
        cwd: work,
        stdio: ["ignore", "ignore", "pipe"],
        // V8's own flags throughout: the cache must be made under the flags a run starts with.
        env: { ...process.env, MODELGEN_CODE_CACHE: "train", MODELGEN_JIT: "default", MODELGEN_CACHE_DIR: path.join(work, `cache-${out}`), ...env },
      });
    run("serial", { MODELGEN_WORKERS: "0" });
    // The worker takes the lighter languages of a run (threads/job-queue.ts): pairs give it each.
    for (const langs of ["typescript,elixir", "rust,scala", "typescript,rust", "elixir,scala"])
      run(`parallel-${langs}`, { MODELGEN_WORKERS: "1" }, ["--lang", langs]);
    addField(doc);
    writeFileSync(spec, doc.toString());
    run("serial", { MODELGEN_WORKERS: "0" });
  } catch (e) {
    for (const file of cacheFiles) rmSync(file, { force: true });
    process.stderr.write(`build: no code cache (the training run failed: ${String(e?.stderr ?? e).trim().split("\n")[0]})\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A string property added to the first component schema with properties (a one-schema change), else a schema added. */
function addField(doc) {
  const schemas = doc.getIn(["components", "schemas"]);
  const withProperties = YAML.isMap(schemas) ? schemas.items.find((pair) => YAML.isMap(pair.value?.get?.("properties"))) : undefined;
  if (withProperties) withProperties.value.get("properties").set("modelgen_training_note", { type: "string" });
  else doc.setIn(["components", "schemas", "ModelgenTrainingNote"], { type: "object", properties: { note: { type: "string" } } });
}
