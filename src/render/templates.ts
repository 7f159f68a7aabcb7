// Handlebars templates per target, compiled once per run. Templates only lay out text: strict mode
// (a missing view field is an error, not an empty string), no HTML escaping, no type helpers; the
// one helper, `join`, writes a list the view gives as data (`#[derive({{join derives}})]`).
// A user's template folder (config `templates`) overrides any built-in template or partial of the
// same relative path (`rust/partials/struct.hbs`); everything else falls back to the built-ins.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import { lazyPackage } from "../common/lazy-package.js";
import { SpecError } from "../common/errors.js";
import { fileText } from "../common/text-encodings.js";
import { flattened } from "./flatten.js";
import { useFastHelperCalls } from "./helper-calls.js";
import { compileFast, FAST_BAIL, type FastMaker, type FastTemplate, fromMaker, type HbsNode } from "./fast-template.js";
import { codeCacheMode, runCached } from "../common/cached-script.js";
import { noteScriptCodeCache, underLateScriptFlags, type CodeCacheState } from "../common/code-cache-state.js";
import type { Templates } from "../targets/target.js";

// The runtime alone is a fraction of Handlebars' load time (and is loaded only when something
// renders); its compiler is loaded only when a template was not precompiled at build time (a
// user's template, or running from source).
// Handlebars' helper wrapper is replaced once, before the runtime is first used (helper-calls.ts).
const loadRuntime = lazyPackage<typeof Handlebars>("handlebars/runtime.js");
let runtimeReady = false;
const handlebarsRuntime = (): typeof Handlebars => {
  if (!runtimeReady) {
    useFastHelperCalls();
    runtimeReady = true;
  }
  return loadRuntime();
};
const require = createRequire(import.meta.url);
const compiler = (): typeof Handlebars => require("handlebars") as typeof Handlebars;
/**
 * The version of the installed Handlebars (the runtime's VERSION is this package's version), read
 * from its package.json: the precompiled parse trees are checked against it without loading the
 * runtime, which a render whose templates all run as plain functions never needs (~12 ms per thread).
 */
const handlebarsVersion = lazyPackage<{ version: string }>("handlebars/package.json");

/** Whether Handlebars' runtime has been loaded in this thread (tests). */
export function handlebarsLoaded(): boolean {
  return runtimeReady;
}

export type { Templates };

/** The folder holding `templates/`, found from this module (src/ in tests, dist/ when bundled). */
export function packageRoot(): string {
  // Asked for every template compiled (compile) and by the tool's build hash: found once.
  return (foundRoot ??= findPackageRoot());
}

let foundRoot: string | undefined;

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "templates")) || !existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("openapi-modelgen: cannot find the templates folder");
    dir = up;
  }
  return dir;
}

export function builtInTemplatesDir(): string {
  return path.join(packageRoot(), "templates");
}

/** Every template file of a target under `root` (relative paths, sorted). */
export function templateFiles(root: string, target: string): string[] {
  const dir = path.join(root, target);
  const out: string[] = [];
  const walk = (rel: string) => {
    if (!existsSync(path.join(dir, rel))) return;
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".hbs")) out.push(p);
    }
  };
  walk("");
  return out.sort();
}

/** Handlebars adds its defaults to the options object it is given: pass copies. */
// Handlebars adds its defaults to an options object it is given, so it only ever gets copies.
const OPTIONS = { strict: true, noEscape: true, preventIndent: true } as const;

/**
 * `overrides` is the user's template folder (absolute); a file `<overrides>/<target>/<rel>` wins
 * over the built-in one. `label` turns an absolute template path into the name used in errors.
 */
export function loadTemplates(
  target: string,
  overrides?: string,
  root = builtInTemplatesDir(),
  label: (abs: string) => string = (p) => p,
): Templates {
  const pick = (rel: string) => {
    const own = overrides ? path.join(overrides, target, rel) : undefined;
    return own && existsSync(own) ? own : path.join(root, target, rel);
  };
  // Handlebars itself, with the helper and every partial registered (each compiled then).
  const handlebars = (): typeof Handlebars => {
    const hb = handlebarsRuntime().create();
    for (const [name, helper] of Object.entries(HELPERS)) hb.registerHelper(name, helper);
    const partials = new Set(
      [...templateFiles(root, target), ...(overrides ? templateFiles(overrides, target) : [])].filter((f) => f.startsWith("partials/")),
    );
    for (const rel of [...partials].sort()) {
      const file = pick(rel);
      hb.registerPartial(rel.slice("partials/".length, -".hbs".length), compile(hb, file, label));
    }
    return hb;
  };
  // The templates run as plain functions (fast-template.ts) unless the user overrides one of this
  // target's templates: then all of them run through Handlebars, as the override may be a partial,
  // and Handlebars is made now, so that an override that does not compile fails here as it always
  // did. Otherwise only the built-in templates are used, and Handlebars (its runtime loaded, every
  // partial compiled) is made when a template first needs it: one that does not run as a plain
  // function, or a view it leaves to Handlebars (FAST_BAIL). Most renders never need it.
  const fastOf = overrides && templateFiles(overrides, target).length > 0 ? undefined : fastTemplates(root, target);
  let hb = fastOf ? undefined : handlebars();
  const compiled = new Map<string, { file: string; template?: Handlebars.TemplateDelegate; fast: FastTemplate | undefined }>();
  return {
    render(name, view) {
      let entry = compiled.get(name);
      if (!entry) {
        const file = pick(`${name}.hbs`);
        const fast = fastOf?.(`${name}.hbs`);
        // A template that runs as a plain function was read and parsed already: Handlebars compiles it when it first bails.
        entry = { file, fast, ...(fast ? {} : { template: compile((hb ??= handlebars()), file, label) }) };
        compiled.set(name, entry);
      }
      if (entry.fast) {
        try {
          return flattened(entry.fast(view, null));
        } catch {
          // FAST_BAIL (anything Handlebars treats specially) or any error: Handlebars renders the
          // view again, to the same text or the same error as it always did.
        }
      }
      entry.template ??= compile((hb ??= handlebars()), entry.file, label);
      try {
        return flattened(entry.template(view));
      } catch (e) {
        throw templateError(e, entry.file, label);
      }
    },
  };
}

/** The helpers templates call with arguments: registered with Handlebars, called by the fast functions. */
const HELPERS: Record<string, (...args: unknown[]) => unknown> = { join };

/** Their names, which the fast functions' code is generated for (here, and by scripts/build.mjs). */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS);

/**
 * `{{join list}}` writes the items separated by ", "; `{{join list " + "}}` by the given text. Only
 * layout: which items a list holds is the view's business, so an override can add to it in place.
 */
function join(list: unknown, ...rest: unknown[]): string {
  if (!Array.isArray(list)) throw new Error(`join expects a list, got ${typeof list}`);
  const separator = rest.length > 1 && typeof rest[0] === "string" ? rest[0] : ", ";
  return list.map(String).join(separator);
}

/** A built-in template as the build left it (scripts/build.mjs), used only while `source` is the file's. */
interface Precompiled {
  source: string;
  /** What makes its fast-template.ts function (fastSource's code, compiled with the script), or null when it runs through Handlebars. */
  make: FastMaker | null;
}

/** Handlebars' own precompiled code of a built-in template, used only while `source` is the file's. */
interface PrecompiledSpec {
  source: string;
  spec: string;
}

/**
 * The built-in templates of `target` under `root` as plain functions, compiled on first use
 * (`rel`: `model.hbs`); undefined for one that uses more than fast-template.ts compiles, or whose
 * partials do, which then runs through Handlebars. Its code comes from the build when the source
 * is the one built; else (running from source) it is generated from Handlebars' parse tree.
 */
function fastTemplates(root: string, target: string): (rel: string) => FastTemplate | undefined {
  const cache = new Map<string, FastTemplate | undefined>();
  const partials = new Map<string, FastTemplate | undefined>();
  const runtime = {
    partial(name: string): FastTemplate {
      let partial = partials.get(name);
      if (partial === undefined && !partials.has(name)) partials.set(name, (partial = get(`partials/${name}.hbs`)));
      if (!partial) throw FAST_BAIL;
      return partial;
    },
    helpers: HELPERS,
  };
  const get = (rel: string): FastTemplate | undefined => {
    if (cache.has(rel)) return cache.get(rel);
    let template: FastTemplate | undefined;
    try {
      const file = path.join(root, target, rel);
      const source = templateSource(file);
      const ready = builtTemplates(target).get(rel);
      // Built: its function made. Else (running from source, a template edited since) parsed and compiled now.
      if (ready?.source === source) template = ready.make === null ? undefined : fromMaker(ready.make, runtime);
      else template = compileFast(compiler().parse(source) as unknown as HbsNode, HELPER_NAMES, runtime);
    } catch {
      template = undefined; // a missing or broken file: Handlebars reports it
    }
    cache.set(rel, template);
    return template;
  };
  return get;
}

/**
 * A template file's text as every template is read (the build's too): without a leading BOM and with
 * LF line breaks (common/text-encodings.ts), so a template saved on Windows, or checked out with git's
 * autocrlf, renders the same bytes as anywhere else (a CR would reach every generated file, and a
 * BOM the middle of one).
 */
function templateSource(file: string): string {
  return fileText(readFileSync(file));
}

// Built-in templates precompiled by scripts/build.mjs beside the bundle; none when running from
// source. Per target, a script of its templates' functions (dist/templates/<target>.cjs), which a
// run compiles through the code cache the build trained for it (common/cached-script.ts), and one
// file of Handlebars' code for all (about three quarters of the bytes), read only when a template
// first runs through Handlebars.
const built = new Map<string, Map<string, Precompiled>>();
let precompiledSpecs: Map<string, PrecompiledSpec> | undefined;

/**
 * Compiles the built templates of every target now: the render worker calls it at its start, as it
 * waits for the IR the main thread is still making (~3 ms it would otherwise spend after).
 */
export function readBuiltTemplates(): void {
  builtInTemplatesDir();
  let scripts: string[] = [];
  try {
    scripts = readdirSync(fileURLToPath(new URL("./templates/", import.meta.url))).filter((f) => f.endsWith(".cjs"));
  } catch {
    // running from source: nothing built
  }
  for (const script of scripts.sort()) builtTemplates(script.slice(0, -".cjs".length));
}

/** The built templates of `target` by their path in its folder, when this Handlebars and these options built them. */
function builtTemplates(target: string): Map<string, Precompiled> {
  let templates = built.get(target);
  if (templates === undefined) built.set(target, (templates = readBuiltScript(target)));
  return templates;
}

/**
 * The script of `target`'s built templates, run. It is compiled after the CLI set its JIT flag
 * (jit-settings.ts), and V8 takes a code cache only under the flags it was made with: the build's
 * training, which runs with V8's own, compiles it and writes its cache under the CLI's flag, and a
 * run compiles it with the young generation's hold lifted for the moment (threads/heap-settings.ts):
 * both are the flags the CLI hands over (underLateScriptFlags; the last training runs are on the
 * main thread). Compiled under other flags (MODELGEN_JIT=default, a library's host) the cache is
 * refused and the functions compile as they run, as without one.
 */
function readBuiltScript(target: string): Map<string, Precompiled> {
  let read: { handlebars?: unknown; options?: unknown; templates?: Record<string, Precompiled> };
  try {
    const file = fileURLToPath(new URL(`./templates/${target}.cjs`, import.meta.url));
    const noted = (state: CodeCacheState) => noteScriptCodeCache(`${target} templates`, state);
    read = runCached(file, codeCacheMode(process.env), { require, noted, under: underLateScriptFlags }) as typeof read;
  } catch {
    return new Map(); // none built (running from source, a target of a user's registry), or not whole
  }
  const usable = read.handlebars === handlebarsVersion().version && JSON.stringify(read.options) === JSON.stringify(OPTIONS);
  return new Map(usable && read.templates ? Object.entries(read.templates) : []);
}

function precompiledSpec(rel: string): PrecompiledSpec | undefined {
  return (precompiledSpecs ??= readPrecompiled<PrecompiledSpec>("templates.handlebars.json")).get(rel);
}

/** The entries of a file the build wrote, when it was made by this Handlebars with these options. */
function readPrecompiled<T>(file: string): Map<string, T> {
  try {
    const read = JSON.parse(readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), "utf8")) as {
      handlebars: string;
      options: unknown;
      templates: Record<string, T>;
    };
    const usable = read.handlebars === handlebarsVersion().version && JSON.stringify(read.options) === JSON.stringify(OPTIONS);
    return new Map(usable ? Object.entries(read.templates) : []);
  } catch {
    return new Map();
  }
}

function compile(hb: typeof Handlebars, file: string, label: (abs: string) => string): Handlebars.TemplateDelegate {
  const source = templateSource(file);
  const builtIn = path.relative(builtInTemplatesDir(), file).split(path.sep).join("/");
  const ready = precompiledSpec(builtIn);
  let spec: ReturnType<typeof Handlebars.precompile>;
  try {
    // A built-in template was precompiled at build time: used only when its text is the file's.
    // Otherwise precompile now (Handlebars' own compile is lazy) so a syntax error names this
    // file, and turn that same code into the template: compiling once, not twice.
    spec = ready?.source === source ? ready.spec : compiler().precompile(source, { ...OPTIONS });
  } catch (e) {
    throw templateError(e, file, label);
  }
  const template = hb.template(new Function(`return ${String(spec)};`)() as typeof spec);
  // A partial's own strict-mode errors carry no file: wrap it so they name this one.
  return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (e) {
      throw templateError(e, file, label);
    }
  }) as Handlebars.TemplateDelegate;
}

/** Handlebars says where in its message (`- 3:7`, `on line 3`); turn that into a located error. */
function templateError(e: unknown, file: string, label: (abs: string) => string): Error {
  if (e instanceof SpecError) return e;
  const message = (e as Error).message ?? String(e);
  const at = / - (\d+):(\d+)$/.exec(message) ?? /on line (\d+)/.exec(message);
  const line = at ? Number(at[1]) : undefined;
  const col = at?.[2] !== undefined ? Number(at[2]) + 1 : undefined;
  const detail = message
    .replace(/ - \d+:\d+$/, "")
    .replace(/\[object Object\]/g, "the view")
    .split("\n")[0]!;
  return new SpecError({ file: label(file), ...(line !== undefined ? { line, col: col ?? 1 } : {}) }, `template error: ${detail}`);
}
