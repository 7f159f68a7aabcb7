// Handlebars 4.7 wraps every helper (`each`, `if`, `with`, `join`) anew at each top-level template
// call, in a function that overwrites the last entry of its sloppy-mode `arguments` and passes that
// object on with `apply`. V8 cannot optimize that wrapper: on the 3 MB OpenAI spec it was half of
// all Handlebars time (~0.7 s of CPU over the four languages, --cpu-prof). The replacement below
// does the same with a rest array, which V8 optimizes: the helper gets the same arguments, the same
// `this` and the same transformed options, so the output cannot change.
import { createRequire } from "node:module";

type Helper = (this: unknown, ...args: unknown[]) => unknown;
type TransformOptions = (options: unknown) => unknown;

/** The same contract as Handlebars' `internal/wrapHelper.js`, without the `arguments` object. */
export function wrapHelper(helper: unknown, transformOptions: TransformOptions): unknown {
  // Handlebars leaves a helper that is not a function as it is (its issue 1639); so does this.
  if (typeof helper !== "function") return helper;
  const call = helper as Helper;
  return function wrapper(this: unknown, ...args: unknown[]): unknown {
    const last = args.length - 1;
    args[last] = transformOptions(args[last]);
    return call.apply(this, args);
  };
}

/**
 * Puts `wrapHelper` in place of Handlebars' own. Its runtime looks the function up on the module's
 * exports at every call, so replacing the export is enough. A Handlebars laid out differently is
 * left alone (slower, same output); returns whether the replacement was made.
 */
export function useFastHelperCalls(): boolean {
  const require = createRequire(import.meta.url);
  let internal: { wrapHelper?: unknown };
  try {
    internal = require("handlebars/dist/cjs/handlebars/internal/wrapHelper.js") as { wrapHelper?: unknown };
  } catch {
    return false;
  }
  if (typeof internal.wrapHelper !== "function") return false;
  internal.wrapHelper = wrapHelper;
  return true;
}
