// Makes the V8 code caches of the CLI, the render worker and each target's templates
// (dist/cli.cjs.cache, dist/render-worker.cjs.cache, dist/templates/<target>.cjs.cache; used by
// src/common/cached-script.ts): the CLI runs on a copy of spec/ in "train" mode, where each thread
// writes the bytecode of every function compiled so far (at exit, a worker when it has replied),
// each run starting from the previous one's cache, so they add up: a cold run of four languages on
// one thread, runs of two languages with the render worker (each language on the worker once), and
// a regeneration after a field is added; then the same spec as one file (singleFileSpec) generated
// cold and regenerated twice, a field added and taken out again: the second regeneration reads the
// caches the first wrote (the YAML leaves, the outline carried over, the normalizer's records of
// reused roots), the paths a regeneration of a large one-file spec takes and spec/'s own files
// never reach (its cross-file `$ref`s keep the normalizer from reusing roots). Those functions were
// compiled at every regeneration before (~95 of them, a few ms). Which spec trains it changes no
// output, only which functions are ready compiled; the rest compile as they would without a cache.
// Skipped when the caches already belong to these scripts' bytes and this Node; a failed training
// leaves no cache (runs then compile as before) and says so.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

/** The bundles that run through a code cache (src/boot/), each with its cache beside it. */
const BUNDLES = ["dist/cli.cjs", "dist/render-worker.cjs"];

/** The scripts a run compiles through a code cache: the bundles and each target's templates (src/render/templates.ts). */
function cachedScripts(root) {
  const templates = readdirSync(path.join(root, "dist/templates")).filter((f) => f.endsWith(".cjs"));
  return [...BUNDLES, ...templates.sort().map((f) => `dist/templates/${f}`)];
}

/** `codeCache`: src/boot/code-cache.ts as built (its cacheKey and readCache). */
export function trainCodeCache(root, codeCache) {
  const scripts = cachedScripts(root);
  const cacheFiles = scripts.map((b) => path.join(root, `${b}.cache`));
  const fresh = scripts.every((b, i) => codeCache.readCache(cacheFiles[i], codeCache.cacheKey(readFileSync(path.join(root, b)))) instanceof Buffer);
  if (fresh) return;
  const work = mkdtempSync(path.join(os.tmpdir(), "modelgen-train-"));
  try {
    cpSync(path.join(root, "spec"), path.join(work, "spec"), { recursive: true });
    const spec = path.join(work, "spec/openapi.yaml");
    const doc = YAML.parseDocument(readFileSync(spec, "utf8"));
    // Written back by the same library before and after the edit: the two texts differ only there.
    writeFileSync(spec, doc.toString());
    const run = (out, env = {}, langs = [], specFile = spec) =>
      execFileSync(process.execPath, [path.join(root, "dist/main.cjs"), "generate", "--quiet", "--spec", specFile, "--out", path.join(work, out), ...langs], {
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
    const single = singleFileSpec(path.join(root, "spec/openapi.yaml"));
    if (single) {
      const flat = path.join(work, "single/openapi.yaml");
      mkdirSync(path.dirname(flat), { recursive: true });
      const unedited = single.toString();
      addField(single);
      for (const version of [unedited, single.toString(), unedited]) {
        writeFileSync(flat, version);
        run("single", { MODELGEN_WORKERS: "0" }, [], flat);
      }
    }
  } catch (e) {
    for (const file of cacheFiles) rmSync(file, { force: true });
    process.stderr.write(`build: no code cache (the training run failed: ${String(e?.stderr ?? e).trim().split("\n")[0]})\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A string property added first to the first component schema with properties (a one-schema
 * change, as the bench's), else a schema added: a regeneration carries the outline over
 * (src/load/outline-patch.ts), so the training compiles that path.
 */
export function addField(doc) {
  const schemas = doc.getIn(["components", "schemas"]);
  const withProperties = YAML.isMap(schemas) ? schemas.items.find((pair) => YAML.isMap(pair.value?.get?.("properties"))) : undefined;
  if (withProperties) withProperties.value.get("properties").items.unshift(doc.createPair("modelgen_training_note", { type: "string" }));
  else doc.setIn(["components", "schemas", "ModelgenTrainingNote"], { type: "object", properties: { note: { type: "string" } } });
}

/**
 * The spec at `file` as one YAML document (a yaml Document, for addField), its `$ref`s to other
 * files made local: a value another file holds at `#/components/<kind>/<Name>` becomes that
 * component of this one, a whole file a component schema named after the file (`function.yaml`:
 * `Function`), each taken in once, with the `$ref`s inside it made local the same way. Undefined when
 * a reference points elsewhere, a name is taken, or anchors are written (the normalizer reuses no
 * roots of such a spec either): training then leaves those paths out.
 */
export function singleFileSpec(file) {
  const read = (f) => YAML.parse(readFileSync(f, "utf8"), { merge: false });
  let spec;
  try {
    const doc = YAML.parseDocument(readFileSync(file, "utf8"), { merge: false });
    let anchored = false;
    YAML.visit(doc, {
      Node(_, node) {
        if (YAML.isAlias(node) || node.anchor) anchored = true;
      },
    });
    if (anchored || doc.errors.length) return undefined;
    spec = doc.toJS();
  } catch {
    return undefined;
  }
  if (typeof spec !== "object" || spec === null) return undefined;
  const components = (spec.components ??= {});
  /** The local pointer each foreign target got, by its absolute path and pointer. */
  const taken = new Map();
  const localize = (value, dir) => {
    if (Array.isArray(value)) return value.every((v) => localize(v, dir));
    if (typeof value !== "object" || value === null) return true;
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && !v.startsWith("#")) {
        const local = localTarget(v, dir);
        if (local === undefined) return false;
        value.$ref = local;
      } else if (!localize(v, dir)) return false;
    }
    return true;
  };
  const localTarget = (ref, dir) => {
    const [rel, pointer = ""] = ref.split("#");
    const target = path.resolve(dir, rel);
    const id = `${target}#${pointer}`;
    if (taken.has(id)) return taken.get(id);
    const m = /^\/components\/([A-Za-z]+)\/([A-Za-z0-9_.-]+)$/.exec(pointer);
    if (!existsSync(target) || (pointer !== "" && !m)) return undefined;
    const whole = read(target);
    const kind = m ? m[1] : "schemas";
    const name = m ? m[2] : path.basename(target).replace(/\.[^.]*$/, "").replace(/(^|[-_])([a-z])/g, (_, _s, c) => c.toUpperCase());
    const value = m ? whole?.components?.[kind]?.[name] : whole;
    const section = (components[kind] ??= {});
    if (value === undefined || Object.hasOwn(section, name)) return undefined;
    const local = `#/components/${kind}/${name}`;
    taken.set(id, local);
    section[name] = value;
    return localize(value, path.dirname(target)) ? local : undefined;
  };
  if (!localize(spec, path.dirname(file))) return undefined;
  return new YAML.Document(spec, { aliasDuplicateObjects: false });
}
