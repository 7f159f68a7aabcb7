// The built-in templates as plain JavaScript functions, generated from Handlebars' own parse tree
// (standalone lines and `~` already applied by its parser). Handlebars' runtime spends most of its
// time on what these templates never use: a helper lookup per `{{field}}`, an options object and a
// wrapped program per block, a data frame copied per `#each`, depths copied per iteration, and the
// text of each program returned to its caller through those wrappers. Here a program is a plain
// function returning its text (FastTemplate).
//
// Only the subset the built-in templates use is compiled: text, `{{path}}` (also `this`, `../`,
// `a.b`), `{{join list [" sep"]}}`, `#each`/`#if`/`#unless`/`#with` over one path (`@first`,
// `@last`, `@index`, `@key` as conditions), `{{else}}`/`{{else if}}`, `{{> partial}}` without
// arguments, comments. Anything else makes `compileFast` return undefined and the template runs
// through Handlebars. At run time every case Handlebars treats specially (a missing field in strict
// mode, a function in the view, an inherited property, a null context, a non-array `#each`, a
// partial not compiled here) throws FAST_BAIL before anything is returned: the caller then renders
// the same view through Handlebars, which gives the same text or the same error as before.

/** The parts of Handlebars' parse tree (its `hbs.AST`) read here. */
export interface HbsNode {
  type: string;
  body?: HbsNode[];
  blockParams?: unknown;
  value?: unknown;
  path?: HbsNode;
  params?: HbsNode[];
  hash?: unknown;
  program?: HbsNode;
  inverse?: HbsNode;
  name?: HbsNode;
  indent?: string;
  data?: boolean;
  depth?: number;
  parts?: string[];
  original?: unknown;
}

/** Thrown when a render must be redone by Handlebars (see above); never reaches a user. */
export const FAST_BAIL: unique symbol = Symbol("render through Handlebars");

/**
 * A compiled template: its text for `context`; `data` is the enclosing `#each` frame. Each program
 * grows a local string by `+=` (a rope, flattened once by the caller) and returns it to the program
 * that called it. Measured against pushing the pieces into one array joined once (callgrind, one
 * thread, 3 MB OpenAI spec): four languages cold 9.19 -> 8.98 G instructions, TypeScript only
 * 4.55 -> 4.52 G; the array's growth and the join's pass over ~a million pieces cost more than the
 * rope's small nodes, which die young.
 */
export type FastTemplate = (context: unknown, data: EachFrame | null) => string;

/** What `@first` and the like read: one frame per `#each`, updated per item, as Handlebars' is. */
interface EachFrame {
  key: number;
  index: number;
  first: boolean;
  last: boolean;
}

/** The enclosing contexts, innermost first: Handlebars' `depths`, as a list instead of copied arrays. */
interface Depths {
  context: unknown;
  up: Depths | null;
}

/** What a compiled template calls: partials by name, and the helpers called as `{{name args}}`. */
export interface FastRuntime {
  partial(name: string): FastTemplate;
  helpers: Record<string, (...args: unknown[]) => unknown>;
}

/** Names Handlebars resolves as helpers before the view (its built-ins, ours): never read as fields here. */
const HELPER_NAMES = new Set(["each", "if", "unless", "with", "log", "lookup", "helperMissing", "blockHelperMissing"]);
const BLOCKS = new Set(["each", "if", "unless", "with"]);
const DATA_FIELDS = new Set(["first", "last", "index", "key"]);

/** Not compiled: the template (or one of its partials) runs through Handlebars. */
class Unsupported extends Error {}

/**
 * The template of `ast` as a function, or undefined when it uses more than the subset above.
 * `helpers` are the names of the registered helpers called with arguments (`join`).
 */
export function compileFast(ast: HbsNode, helpers: readonly string[], runtime: FastRuntime): FastTemplate | undefined {
  const source = fastSource(ast, helpers);
  return source === undefined ? undefined : fromFastSource(source, runtime);
}

/**
 * The JavaScript `compileFast` runs for `ast` (undefined when it uses more than the subset above):
 * the build writes it for every built-in template, so a run only turns it into a function.
 */
export function fastSource(ast: HbsNode, helpers: readonly string[]): string | undefined {
  try {
    return new Generator(new Set(helpers)).template(ast);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A template's `fastSource` as a function of the runtime (the build writes it so, in a script per target). */
export type FastMaker = (rt: unknown, bail: symbol) => FastTemplate;

/** The function of a template's `fastSource`. */
function fromFastSource(source: string, runtime: FastRuntime): FastTemplate {
  return fromMaker(new Function("rt", "BAIL", source) as FastMaker, runtime);
}

/** The template `make` makes, calling `runtime`. */
export function fromMaker(make: FastMaker, runtime: FastRuntime): FastTemplate {
  return make(RUNTIME_BASE(runtime), FAST_BAIL);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The functions the generated code calls, with Handlebars' semantics for the cases it keeps. */
function RUNTIME_BASE(runtime: FastRuntime) {
  return {
    /** Handlebars' `lookupProperty` for a parameter or an inner path part; inherited values bail. */
    get(parent: unknown, name: string): unknown {
      if (parent == null) throw FAST_BAIL;
      const value = (parent as Record<string, unknown>)[name];
      if (value == null || hasOwn.call(parent, name)) return value;
      throw FAST_BAIL;
    },
    /** Handlebars' strict-mode lookup of a printed field: missing, or on a non-object, bails. */
    strict(parent: unknown, name: string): unknown {
      if (!parent || typeof parent !== "object" || !hasOwn.call(parent, name)) throw FAST_BAIL;
      return (parent as Record<string, unknown>)[name];
    },
    /** The context `n` levels out (`../`); bails when there is none, where Handlebars would fail. */
    at(depths: Depths | null, n: number): unknown {
      let at = depths;
      for (let i = 0; i < n && at; i++) at = at.up;
      if (!at) throw FAST_BAIL;
      return at.context;
    },
    /** A program entered with `context`: Handlebars adds a depth only when the context differs (loosely). */
    enter(depths: Depths | null, context: unknown): Depths | null {
      // biome-ignore lint/suspicious/noDoubleEquals: Handlebars compares with `!=`, so does this
      return depths && context != depths.context ? { context, up: depths } : depths;
    },
    /**
     * A printed value that is not a string: null prints nothing; anything else bails. Handlebars
     * joins a program's values with `+`, so two numbers in a row are added (`{{a}}{{b}}` with 1 and
     * 2 prints `3`), and a function would be called. The built-in views print strings only.
     */
    text(value: unknown): string {
      if (value == null) return "";
      throw FAST_BAIL;
    },
    /** A block's condition or list: Handlebars calls a function first. */
    value(value: unknown): unknown {
      if (typeof value === "function") throw FAST_BAIL;
      return value;
    },
    /** The `#if` test: false, empty or an empty list choose the `else` part. */
    falsy(value: unknown): boolean {
      return !value || (Array.isArray(value) && value.length === 0);
    },
    /** The `#with` test (Handlebars' isEmpty): 0 is a value here. */
    empty(value: unknown): boolean {
      return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
    },
    /** The list an `#each` walks: null and other non-objects have no items; a non-array object bails. */
    items(value: unknown): readonly unknown[] | null {
      if (!value || typeof value !== "object") return null;
      if (!Array.isArray(value)) throw FAST_BAIL;
      return value;
    },
    frame(): EachFrame {
      return { key: 0, index: 0, first: true, last: false };
    },
    /** A block helper's `this` is the context; Handlebars swaps a null one for an empty object: bail. */
    self(context: unknown): unknown {
      if (context == null) throw FAST_BAIL;
      return context;
    },
    partial: (name: string) => runtime.partial(name),
    helpers: runtime.helpers,
    /** Handlebars passes its options object last; the helpers here only count it. */
    options: Object.freeze({}),
  };
}

/** JavaScript source for one template: one function per program, as Handlebars numbers them. */
class Generator {
  private readonly programs: string[] = [];
  private usesDepths = false;

  constructor(private readonly helpers: ReadonlySet<string>) {}

  template(ast: HbsNode): string {
    const main = this.program(ast);
    const depths = this.usesDepths ? "{ context: c, up: null }" : "null";
    return [
      '"use strict";',
      "const { get, strict, at, enter, text, value, falsy, empty, items, frame, self, partial, helpers, options } = rt;",
      "const proto = Object.getPrototypeOf, OBJECT = Object.prototype;",
      ...this.programs,
      `return function template(c, d) { return p${main}(c, d, ${depths}); };`,
    ].join("\n");
  }

  /** Compiles `node`'s statements into a new function; returns its number. */
  private program(node: HbsNode): number {
    if (node.type !== "Program" || node.blockParams) throw new Unsupported();
    const lines = (node.body ?? []).map((s) => this.statement(s)).filter((s) => s !== "");
    const n = this.programs.length;
    this.programs.push("");
    this.programs[n] = `function p${n}(c, d, ds) {\nlet x, v, t = "";\n${lines.join("\n")}\nreturn t;\n}`;
    return n;
  }

  private statement(node: HbsNode): string {
    switch (node.type) {
      case "ContentStatement":
        return node.value ? `t += ${JSON.stringify(node.value)};` : "";
      case "CommentStatement":
        return "";
      case "MustacheStatement":
        return this.mustache(node);
      case "BlockStatement":
        return this.block(node);
      case "PartialStatement":
        return this.partial(node);
      default:
        throw new Unsupported();
    }
  }

  private mustache(node: HbsNode): string {
    const path = pathOf(node.path);
    if (node.hash) throw new Unsupported();
    const params = node.params ?? [];
    if (params.length > 0) {
      const name = simpleName(path);
      if (name === undefined || !this.helpers.has(name)) throw new Unsupported();
      const args = params.map((p) => this.param(p));
      return `{ const r = helpers[${JSON.stringify(name)}](${args.join(", ")}, options); t += typeof r === "string" ? r : text(r); }`;
    }
    if (path.data) throw new Unsupported();
    const name = simpleName(path);
    if (name !== undefined && (HELPER_NAMES.has(name) || this.helpers.has(name))) throw new Unsupported();
    return `v = ${this.lookup(path, true)}; t += typeof v === "string" ? v : text(v);`;
  }

  private block(node: HbsNode): string {
    const name = simpleName(pathOf(node.path));
    const params = node.params ?? [];
    if (name === undefined || !BLOCKS.has(name) || params.length !== 1 || node.hash || !node.program) throw new Unsupported();
    const subject = `value(${this.param(params[0]!)})`;
    const fn = this.program(node.program);
    const inverse = node.inverse ? this.program(node.inverse) : undefined;
    const orElse = (context: string) => (inverse === undefined ? "" : ` else t += p${inverse}(${context}, d, ds);`);
    switch (name) {
      case "if":
        return `{ const s = self(c); if (!falsy(${subject})) t += p${fn}(s, d, ds);${orElse("s")} }`;
      case "unless":
        return `{ const s = self(c); if (falsy(${subject})) t += p${fn}(s, d, ds);${orElse("s")} }`;
      case "with":
        return `{ const s = self(c); const w = ${subject}; if (!empty(w)) t += p${fn}(w, d, enter(ds, w));${orElse("s")} }`;
      default:
        return [
          `{ const s = self(c); const list = items(${subject}); let n = 0;`,
          "  if (list !== null) { const f = frame(); n = list.length;",
          "    for (let i = 0; i < n; i++) if (i in list) {",
          "      const item = list[i]; f.key = i; f.index = i; f.first = i === 0; f.last = i === list.length - 1;",
          `      t += p${fn}(item, f, enter(ds, item));`,
          "    } }",
          inverse === undefined ? "}" : `  if (n === 0) t += p${inverse}(s, d, ds); }`,
        ].join("\n");
    }
  }

  private partial(node: HbsNode): string {
    const name = pathOf(node.name);
    const plain = (node.params ?? []).length === 0 && !node.hash && !name.data && !name.depth;
    if (!plain || typeof name.original !== "string") throw new Unsupported();
    // With preventIndent, Handlebars writes a standalone partial's indentation once, before it.
    const indent = node.indent ? `t += ${JSON.stringify(node.indent)}; ` : "";
    // Handlebars finds a partial by the name as written (`{{> rust/struct}}`).
    return `${indent}t += partial(${JSON.stringify(name.original)})(c, d);`;
  }

  /** A helper's or block's argument: a path read leniently, `@first` and the like, or a string. */
  private param(node: HbsNode): string {
    if (node.type === "StringLiteral" && typeof node.value === "string") return JSON.stringify(node.value);
    const path = pathOf(node);
    if (path.data) {
      const field = path.parts?.[0];
      if (path.depth || path.parts?.length !== 1 || field === undefined || !DATA_FIELDS.has(field)) {
        throw new Unsupported();
      }
      // Handlebars' root data frame holds none of these fields: outside an #each they read as undefined.
      return `(d === null ? undefined : d.${field})`;
    }
    return this.lookup(path, false);
  }

  /** `strictEnd`: the last part must exist (a printed field in strict mode); a parameter reads leniently. */
  private lookup(path: HbsNode, strictEnd: boolean): string {
    const parts = path.parts ?? [];
    for (const part of parts) if (part in Object.prototype || part === "__proto__") throw new Unsupported();
    if (path.depth) this.usesDepths = true;
    let expr = path.depth ? `at(ds, ${path.depth})` : "c";
    // Each read is written out where it happens, so V8 keeps a property cache per place in the
    // template (one shared function would see every view's shape). A plain object's own property is
    // read directly: a defined value there cannot be inherited, as no part is Object.prototype's
    // (checked above). Anything else (an array, undefined in strict mode) takes the full check.
    parts.forEach((part, i) => {
      const key = JSON.stringify(part);
      const plain = `(x = ${expr}) !== null && typeof x === "object" && proto(x) === OBJECT`;
      expr =
        i === parts.length - 1 && strictEnd
          ? `(${plain} && (v = x[${key}]) !== undefined ? v : strict(x, ${key}))`
          : `(${plain} ? x[${key}] : get(x, ${key}))`;
    });
    return expr;
  }
}

function pathOf(node: HbsNode | undefined): HbsNode {
  if (node?.type !== "PathExpression") throw new Unsupported();
  return node;
}

/** The name of a one-part path that Handlebars may take for a helper (not `this.x`, `../x`, `@x`). */
function simpleName(path: HbsNode): string | undefined {
  const parts = path.parts ?? [];
  if (parts.length !== 1 || path.depth || path.data) return undefined;
  if (typeof path.original === "string" && /^(\.|this)\b/.test(path.original)) return undefined;
  return parts[0];
}
