// Elixir: every set under its own root namespace, compiled in one `elixir` run (one VM start) by
// elixir-driver.exs, which compiles set by set with warnings as errors, so one failing set does
// not hide the others.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../../src/render/templates.js";
import { freshDir, writeAll } from "./files.js";
import { addError, runTool } from "./spawn.js";
import type { CompileRound, LanguageCompiler, RenderedSet } from "./types.js";

const folder = (id: number) => `set-${id}`;
/** No busy-waiting BEAM schedulers: on a shared 2-core machine spinning only steals time. */
const ERL_FLAGS = "+sbwt none +sbwtdcpu none +sbwtdio none";

export const elixirCompiler: LanguageCompiler = {
  lang: "elixir",
  commands: ["elixir", "erl"],
  options: (id) => ({ namespace: `FuzzSet${id}` }),
  isolatesSets: true,
  compile(sets: RenderedSet[], work: string): CompileRound {
    freshDir(work);
    const results = path.join(work, "results");
    mkdirSync(results);
    // Only lib/: mix.exs and .formatter.exs are project files, not modules.
    for (const s of sets) writeAll(path.join(work, folder(s.id)), s.files.filter((f) => f.path.startsWith("lib/")));
    const driver = path.join(packageRoot(), "test/reliability/compile/elixir-driver.exs");
    const r = runTool("elixir", [driver, results, path.join(work, "ebin"), ...sets.map((s) => folder(s.id))], work, { ERL_FLAGS });
    const errors = new Map<number, string[]>();
    let missing = 0;
    for (const s of sets) {
      const file = path.join(results, `${folder(s.id)}.txt`);
      if (!existsSync(file)) {
        missing++;
        continue;
      }
      const body = readFileSync(file, "utf8");
      if (body !== "ok") for (const d of body.split("\n\n")) addError(errors, s.id, d);
    }
    const output = r.status === 0 && missing === 0 ? "" : `${r.stdout}\n${r.stderr}`.trim().slice(-6000);
    return { ok: r.status === 0 && missing === 0 && errors.size === 0, errors, output, seconds: r.seconds };
  },
};
