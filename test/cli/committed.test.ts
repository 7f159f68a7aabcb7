// The committed generated/ is what the generator writes for spec/ today (CI fails a stale PR).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

it("generated/ for spec/ is up to date (generate --check)", () => {
  const build = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  const r = spawnSync(process.execPath, [path.join(REPO, "dist/cli.js"), "generate", "--check"], { cwd: REPO, encoding: "utf8" });
  expect(r.status, `${r.stdout}\n${r.stderr}\nrun \`npm run generate\` and commit generated/`).toBe(0);
});
