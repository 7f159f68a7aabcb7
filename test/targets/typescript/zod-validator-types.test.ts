// Declared validator types (the default) against inferred ones: the model files differ only in
// their import lines and each schema's wrapper (zod/declaration.ts), so the `z.infer` check CI runs
// on the inferred output (test/compile/typescript-zod.test.ts) holds for the declared output too;
// and every name the loose typing declares (zod/loose.ts) is one zod has at run time.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assignNames } from "../../../src/naming/assign.js";
import { tsNamingRules } from "../../../src/targets/typescript/naming.js";
import { LOOSE_FACTORIES, LOOSE_METHODS } from "../../../src/targets/typescript/zod/loose.js";
import { schemaNames } from "../../../src/targets/typescript/zod/names.js";
import { fixtureSpecs, irOf, OPENAI_SPECS, REPO, renderAsync } from "../../helpers/generate.js";

const SPECS = [path.join(REPO, "spec/openapi.yaml"), ...fixtureSpecs().map((f) => f.spec), OPENAI_SPECS[2]!, OPENAI_SPECS[7]!];

/**
 * A model file as both kinds of types must share it: without its import lines, and each schema
 * declaration as `name: type = expression` (layout dropped: the wrapper moves it),
 * `cycle ` before it when annotated. `typeOf` gives the model type of a schema const (an inferred
 * schema off a cycle does not name it).
 */
function shared(text: string, typeOf: (schema: string) => string | undefined): string[] {
  const out: string[] = [];
  let inImport = false;
  const kept = text.split("\n").filter((line) => {
    if (line.startsWith("import ")) inImport = !line.endsWith(";");
    else if (!inImport) return true;
    else if (line.startsWith("} from ")) inImport = false;
    return false;
  });
  for (const chunk of kept.join("\n").split("\n\n")) {
    if (!chunk.trim().startsWith("export const ")) {
      out.push(chunk);
      continue;
    }
    // Whitespace and the trailing commas of broken argument lists are layout.
    const flat = chunk.replace(/\s+/g, "").replace(/,([)\]}])/g, "$1");
    const declared = /^exportconst(\w+)(?::zod\.ZodType<(.+?)>)?=typed<(.+?)>\((.*)\);$/.exec(flat);
    const cycle = /^exportconst(\w+):z\.ZodType<(.+?)>=recursive<(.+?)>\((.*)\);$/.exec(flat);
    const plain = /^exportconst(\w+)=(.*);$/.exec(flat);
    const m = declared ?? cycle;
    if (m) {
      const [, name, annotation, type, body] = m;
      if (annotation !== undefined && annotation !== type) throw new Error(`${name}: annotated ${annotation}, typed ${type}`);
      out.push(`${annotation ? "cycle " : ""}${name}: ${type} = ${body}`);
    } else if (plain) out.push(`${plain[1]}: ${typeOf(plain[1]!)} = ${plain[2]}`);
    else throw new Error(`not a schema declaration: ${chunk}`);
  }
  return out;
}

describe("declared and inferred validator types share everything but imports and wrappers", () => {
  it.each(SPECS.map((s) => [path.relative(REPO, s), s]))("%s", async (_name, spec) => {
    const ir = irOf(spec);
    const names = assignNames(ir, tsNamingRules);
    const types = new Map([...schemaNames(ir.models, names)].map(([id, schema]) => [schema, names.path(id).join(".")]));
    const render = (validatorTypes: string) => renderAsync(spec, "typescript", { options: { validators: "zod", validatorTypes } });
    const [declared, inferred] = await Promise.all([render("declared"), render("inferred")]);
    const models = (files: typeof declared) => files.filter((f) => f.path !== "zod-support.ts");
    const byPath = new Map(models(inferred).map((f) => [f.path, f.contents]));
    expect(models(declared).map((f) => f.path)).toEqual([...byPath.keys()]);
    let schemas = 0;
    for (const f of models(declared)) {
      const want = shared(byPath.get(f.path)!, (s) => types.get(s));
      // The types compared too: an inferred schema's is its model's, a declared one's its wrapper's.
      expect(shared(f.contents, (s) => types.get(s)), f.path).toEqual(want);
      schemas += want.filter((x) => /^(cycle )?\w+: [\w.]+ = /.test(x)).length;
    }
    expect(schemas, "every schema compared").toBe(types.size);
  }, 120_000);

  it("tells a changed expression apart", () => {
    const typeOf = () => "A";
    const inferred = 'import { z } from "zod";\n\nexport const ASchema = z.string();\n';
    const declared = 'import { typed, z } from "./zod-support.js";\n\nexport const ASchema = typed<A>(z.string());\n';
    expect(shared(declared, typeOf)).toEqual(shared(inferred, typeOf));
    expect(shared(declared.replace("z.string()", "z.int()"), typeOf)).not.toEqual(shared(inferred, typeOf));
    expect(shared(declared.replace("typed<A>", "typed<B>"), typeOf)).not.toEqual(shared(inferred, typeOf));
  });
});

describe("the loose typing names only what zod has", () => {
  it.each(Object.keys(LOOSE_FACTORIES))("z.%s is a zod factory", (factory) => {
    expect(typeof (z as unknown as Record<string, unknown>)[factory]).toBe("function");
  });
  // Each method on a schema the generator calls it on (bounds on numbers, lengths on strings, catchall on objects).
  const receivers: Record<string, z.ZodType> = { string: z.string(), int: z.int(), object: z.object({}) };
  it.each(Object.keys(LOOSE_METHODS))(".%s is a method of zod's schemas", (name) => {
    const has = Object.values(receivers).some((s) => typeof (s as unknown as Record<string, unknown>)[name] === "function");
    expect(has).toBe(true);
  });
});
