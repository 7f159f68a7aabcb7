// A failure's class, told apart from its instances: the language, the stage, and the compiler's
// first message with names, quoted text and numbers blanked out ("'X' is declared but its value
// is never read"). Shrinking keeps a candidate only when it fails with the same signature, so a
// shrunk spec still shows the failure it started from and not another one met on the way.
import type { SetProblem } from "./compile-batch.js";

/** The line of a message that says what is wrong (Scala quotes code first and explains under it). */
function messageLine(message: string): string {
  const lines = message.split("\n");
  if (/^-- /.test(lines[0] ?? "")) {
    // Scala: `NN | code`, then `   | ^^^`, then `   | the message`.
    const explained = lines.filter((l) => /^\s*\|\s*[A-Za-z'`(]/.test(l));
    return explained[0] ?? lines[0]!;
  }
  // Rust (`error[E0277]: …`), TypeScript (`file:line: …`), Elixir (`error: file:line: …`).
  return lines[0]!.replace(/^(error|warning): /, "").replace(/^\S+:\d+: /, "");
}

export function signature(p: SetProblem): string {
  return messageSignature(p, p.messages[0] ?? "");
}

/** The signature of every message of a problem (one problem may show several classes). */
export function signatures(p: SetProblem): string[] {
  return p.messages.map((m) => messageSignature(p, m));
}

function messageSignature(p: SetProblem, message: string): string {
  const line = messageLine(message)
    .replace(/\s*\|\s*/, "")
    .replace(/`[^`]*`|'[^']*'|"[^"]*"/g, "X")
    // Unquoted names (`type Struct is not a member of object fuzz.set9.Pet2.Struct`): a word with a
    // capital inside or after the start, a dot, an underscore or a digit.
    .replace(/(?<=\S\s+)[A-Za-z_][\w$]*(?:\.[\w$]+)*/g, (w) => (/[A-Z._$\d]/.test(w) ? "X" : w))
    .replace(/\d+/g, "N")
    .replace(/\s+/g, " ")
    .trim();
  return `${p.lang} ${p.stage}: ${line}`;
}

/** Each distinct signature with the sets that show it, most frequent first. */
export function classes(problems: SetProblem[]): { signature: string; sets: number[] }[] {
  const bySignature = new Map<string, Set<number>>();
  for (const p of problems) {
    const s = signature(p);
    bySignature.set(s, (bySignature.get(s) ?? new Set()).add(p.set));
  }
  return [...bySignature]
    .map(([s, sets]) => ({ signature: s, sets: [...sets].sort((a, b) => a - b) }))
    .sort((a, b) => b.sets.length - a.sets.length || (a.signature < b.signature ? -1 : 1));
}
