// The README links docs/diff-2025-04-29-to-2026-05-13.md as an example of the markdown report: it
// must stay exactly what the tool prints for that pair of specs.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO, SHARED } from "../helpers/generate.js";

it("docs/diff-2025-04-29-to-2026-05-13.md is the tool's markdown report", () => {
  const spec = (d: string) => path.join(SHARED, `specs/openai/openai-${d}.yaml`);
  const r = spawnSync(process.execPath, [path.join(REPO, "dist/cli.js"), "diff", spec("2025-04-29"), spec("2026-05-13"), "--format", "markdown"], { cwd: REPO, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout, "regenerate: node dist/cli.js diff <old> <new> --format markdown > docs/diff-2025-04-29-to-2026-05-13.md").toBe(
    readFileSync(path.join(REPO, "docs/diff-2025-04-29-to-2026-05-13.md"), "utf8"),
  );
}, 60_000);
