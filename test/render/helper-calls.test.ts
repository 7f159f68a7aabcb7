// The replacement for Handlebars' helper wrapper must hand each helper exactly what Handlebars'
// own does: the same arguments with the options (last) transformed, the same `this`. Then
// templates using every built-in block helper render as they always did.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import Handlebars from "handlebars";
import { useFastHelperCalls, wrapHelper } from "../../src/render/helper-calls.js";

const require = createRequire(import.meta.url);

describe("wrapHelper", () => {
  const seen = function (this: unknown, ...args: unknown[]) {
    return { self: this, args };
  };
  const tag = (options: unknown) => ({ tagged: options });
  it.each([
    { name: "options only", given: [{ hash: {} }], want: [{ tagged: { hash: {} } }] },
    { name: "one argument and options", given: ["list", { fn: 1 }], want: ["list", { tagged: { fn: 1 } }] },
    { name: "two arguments and options", given: [1, 2, "opts"], want: [1, 2, { tagged: "opts" }] },
    { name: "no arguments at all", given: [], want: [] },
  ])("$name", ({ given, want }) => {
    const context = { ctx: true };
    const wrapped = wrapHelper(seen, tag) as (...a: unknown[]) => { self: unknown; args: unknown[] };
    const got = wrapped.apply(context, given);
    expect(got.args).toEqual(want);
    expect(got.self).toBe(context);
  });

  it("leaves a helper that is not a function as it is", () => {
    const notAFunction = { value: 1 };
    expect(wrapHelper(notAFunction, tag)).toBe(notAFunction);
  });
});

describe("useFastHelperCalls", () => {
  it("replaces the wrapper Handlebars' runtime calls", () => {
    expect(useFastHelperCalls()).toBe(true);
    expect(require("handlebars/dist/cjs/handlebars/internal/wrapHelper.js").wrapHelper).toBe(wrapHelper);
  });

  const hb = Handlebars.create();
  hb.registerHelper("join", (list: unknown[], ...rest: unknown[]) => list.join(rest.length > 1 ? String(rest[0]) : ", "));
  hb.registerPartial("item", "<{{name}}{{#if @last}}.{{/if}}>");
  it.each([
    { name: "each with @index and @first", source: "{{#each xs}}{{#if @first}}^{{/if}}{{@index}}={{this}};{{/each}}", view: { xs: ["a", "b"] }, want: "^0=a;1=b;" },
    { name: "each over an empty list takes else", source: "{{#each xs}}x{{else}}none{{/each}}", view: { xs: [] }, want: "none" },
    { name: "unless and with", source: "{{#with o}}{{#unless off}}{{v}}{{/unless}}{{/with}}", view: { o: { off: false, v: "on" } }, want: "on" },
    { name: "a registered helper with a hash-free argument", source: "{{join xs \" + \"}}", view: { xs: ["a", "b"] }, want: "a + b" },
    { name: "a partial inside each", source: "{{#each xs}}{{> item}}{{/each}}", view: { xs: [{ name: "a" }, { name: "b" }] }, want: "<a><b.>" },
    { name: "a parent lookup", source: "{{#each xs}}{{../p}}{{this}}{{/each}}", view: { p: "-", xs: [1, 2] }, want: "-1-2" },
  ])("$name", ({ source, view, want }) => {
    useFastHelperCalls();
    expect(hb.compile(source, { strict: true, noEscape: true })(view)).toBe(want);
  });
});
