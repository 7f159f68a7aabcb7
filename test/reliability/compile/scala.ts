// Scala: one Maven module (a copy of the host project test/hosts/scala, whose Maven artifacts
// are cached) with one package per set, compiled by Scala 3 with -Werror. Offline first; online
// only when Maven says an artifact is missing (as test/compile/scala.test.ts does).
import { cpSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../../src/render/templates.js";
import { freshDir, writeAll } from "./files.js";
import { addError, runTool, type ToolRun } from "./spawn.js";
import type { CompileRound, LanguageCompiler, RenderedSet } from "./types.js";

/** A source path of set 7: `…/src/main/scala/fuzz/set7/Pet.scala`. */
const SET_OF_PATH = /[\\/]fuzz[\\/]set(\d+)[\\/]/;
const LEVEL = /^\[(ERROR|WARNING|INFO)\] ?/;
/** `-- [E040] Syntax Error: /…/X.scala:14:8 ---` or `-- Warning: /…/X.scala:3:1 ---`. */
const HEADER = /^-- (\[E\d+\] )?[\w ]*(Error|Warning): \S+:\d+:\d+/;
/** The quoted code and the message under a header (Maven logs the message line at INFO). */
const BODY = /^\s*(\d+\s*)?\|/;
const BOILERPLATE = /^(\d+ (errors?|warnings?) found|exception compilation error occurred|Failed to execute goal|To see the full|Re-run Maven|For more information|\[Help|\s*$)/;

function mvn(cwd: string, args: string[]): ToolRun {
  return runTool("mvn", ["-B", "-ntp", ...args], cwd);
}

function maven(cwd: string, args: string[]): ToolRun {
  const offline = mvn(cwd, ["-o", ...args]);
  if (offline.status === 0 || !/offline mode|has not been downloaded|Cannot access .* in offline/i.test(offline.stdout + offline.stderr)) return offline;
  return mvn(cwd, args);
}

/**
 * Scala 3 prints a problem as a header naming the file, then the code it quotes and the message:
 * each header starts a block for its set, and the quoted lines after it belong to that block.
 */
export function scalaErrorsBySet(output: string): { errors: Map<number, string[]>; unattributed: string[] } {
  const errors = new Map<number, string[]>();
  const unattributed: string[] = [];
  let current: { id: number; lines: string[] } | undefined;
  const flush = () => {
    if (current) addError(errors, current.id, current.lines.join("\n"));
    current = undefined;
  };
  for (const raw of output.split("\n")) {
    const level = LEVEL.exec(raw)?.[1];
    const line = raw.replace(LEVEL, "").trimEnd();
    const id = HEADER.test(line) ? SET_OF_PATH.exec(line)?.[1] : undefined;
    if (id !== undefined) {
      flush();
      current = { id: Number(id), lines: [line.replace(/\s*-*$/, "")] };
    } else if (current && BODY.test(line)) {
      current.lines.push(line);
    } else {
      flush();
      if (level === "ERROR" && !BOILERPLATE.test(line)) unattributed.push(line);
    }
  }
  flush();
  return { errors, unattributed };
}

export const scalaCompiler: LanguageCompiler = {
  lang: "scala",
  commands: ["java", "mvn"],
  options: (id) => ({ package: `fuzz.set${id}` }),
  // Scala 3 stops after the phase that failed: warnings of later phases in other sets show up only
  // once the failing sets are out.
  isolatesSets: false,
  compile(sets: RenderedSet[], work: string): CompileRound {
    freshDir(work);
    const host = path.join(packageRoot(), "test/hosts/scala");
    for (const entry of ["pom.xml", ".mvn"]) cpSync(path.join(host, entry), path.join(work, entry), { recursive: true });
    for (const s of sets) writeAll(work, s.files.filter((f) => f.path.startsWith("src/")));
    const r = maven(work, ["compile"]);
    // Paths relative to the build folder: the messages read the same in every run.
    const output = `${r.stdout}\n${r.stderr}`.split(`${work}${path.sep}`).join("");
    const { errors, unattributed } = scalaErrorsBySet(output);
    return { ok: r.status === 0, errors, output: r.status === 0 ? "" : unattributed.join("\n") || output.slice(-4000), seconds: r.seconds };
  },
};
