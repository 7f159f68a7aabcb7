// TypeScript: one in-process program over every set (each in its own folder), with the strict
// settings the generated code promises to pass (test/compile/tsc.ts). Diagnostics are asked of the
// generated files (and the program as a whole), not of TypeScript's own lib files, and the parsed
// lib files are kept between programs: a one-set program in `npm run fuzz` takes a fraction of a
// second instead of re-reading and re-checking the standard library each time.
import { writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { STRICT_OPTIONS } from "../../compile/tsc.js";
import { freshDir, writeAll } from "./files.js";
import { addError } from "./spawn.js";
import type { CompileRound, LanguageCompiler, RenderedSet } from "./types.js";

const folder = (id: number) => `set-${id}`;
const SET_OF_FILE = /[\\/]set-(\d+)[\\/]/;

const libFiles = new Map<string, ts.SourceFile>();

/** A compiler host that parses each of TypeScript's lib files once per process. */
function cachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(STRICT_OPTIONS);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(path.dirname(host.getDefaultLibFileName(STRICT_OPTIONS)))) return read(fileName, languageVersion, onError, shouldCreate);
    let file = libFiles.get(fileName);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) libFiles.set(fileName, file);
    }
    return file;
  };
  return host;
}

function diagnostics(program: ts.Program, roots: string[]): readonly ts.Diagnostic[] {
  const perFile = roots.flatMap((f) => {
    const file = program.getSourceFile(f);
    return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
  });
  return [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...perFile];
}

export const typescriptCompiler: LanguageCompiler = {
  lang: "typescript",
  commands: [],
  options: () => ({}),
  isolatesSets: true,
  compile(sets: RenderedSet[], work: string): CompileRound {
    const started = Date.now();
    freshDir(work);
    // NodeNext resolves the generated `./x.js` imports as ES modules only under a "module" package.
    writeFileSync(path.join(work, "package.json"), '{ "type": "module" }\n');
    const roots = sets.flatMap((s) => writeAll(path.join(work, folder(s.id)), s.files).filter((f) => f.endsWith(".ts")));
    const program = ts.createProgram(roots, STRICT_OPTIONS, cachingHost());
    const errors = new Map<number, string[]>();
    const unattributed: string[] = [];
    for (const d of diagnostics(program, roots)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").split(`${work}${path.sep}`).join("");
      const file = d.file?.fileName ?? "";
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      const where = file ? `${path.relative(work, file)}:${line}: ` : "";
      const id = SET_OF_FILE.exec(file)?.[1];
      if (id === undefined) unattributed.push(`${where}${message}`);
      else addError(errors, Number(id), `${where}${message}`);
    }
    return { ok: errors.size === 0 && unattributed.length === 0, errors, output: unattributed.join("\n"), seconds: (Date.now() - started) / 1000 };
  },
};
