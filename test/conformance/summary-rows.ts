// conformance-report/summary.json: one row per spec, language and presence policy, so the numbers
// of every language's conformance run can be read (and tabulated) in one place. Each suite writes
// its own rows; rows of other suites are kept. Suites run in parallel processes, so the file is
// read, merged and replaced under a lock file.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LanguageReport } from "./report.js";

export interface SummaryRow {
  /** The spec's file name without its extension (`openai-2026-08-21`). */
  spec: string;
  language: string;
  policy: string;
  /** Examples paired with a model (every one the harness was asked to decode). */
  paired: number;
  roundTripped: number;
  contradicts: number;
  generatorWrong: number;
}

export function summaryRow(r: LanguageReport): SummaryRow {
  const count = (verdict: string) => r.outcomes.filter((o) => o.verdict === verdict).length;
  return {
    spec: r.spec.replace(/\.ya?ml$/, ""),
    language: r.language,
    policy: r.presence,
    paired: r.tried,
    roundTripped: r.roundTripped,
    contradicts: count("example contradicts the spec"),
    generatorWrong: count("our generator is wrong"),
  };
}

const key = (r: SummaryRow) => `${r.spec}\u0000${r.language}\u0000${r.policy}`;

/** Adds or replaces rows in `<root>/conformance-report/summary.json` (sorted, so the file is stable). */
export function writeSummaryRows(root: string, rows: SummaryRow[]): string {
  const dir = path.join(root, "conformance-report");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "summary.json");
  withLock(`${file}.lock`, () => {
    const merged = new Map<string, SummaryRow>();
    if (existsSync(file)) for (const row of JSON.parse(readFileSync(file, "utf8")) as SummaryRow[]) merged.set(key(row), row);
    for (const row of rows) merged.set(key(row), row);
    const sorted = [...merged.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(sorted, null, 2) + "\n");
    renameSync(temp, file);
  });
  return file;
}

/** Runs `work` holding an exclusive lock file; after a minute of waiting, a lock left by a crashed writer is taken over. */
function withLock(lock: string, work: () => void): void {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { force: true });
  }
}
