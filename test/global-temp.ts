// One temporary folder per test run, removed when the run ends (vitest's globalSetup). About fifty
// test files make folders with mkdtemp under the system's temporary folder and leave them there,
// and the compile tests keep their build folders at fixed paths in it: a full run left a few GB
// behind. The run's folder becomes TMPDIR before any test file starts, so every test process (and
// every tool a test spawns) makes its folders inside it. MODELGEN_KEEP_TEST_TMP=1 keeps the folder
// to look at after a failure (its path is printed).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-tests-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.MODELGEN_KEEP_TEST_TMP === "1") process.stdout.write(`test folders kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
