// Each language folder holds a .gitattributes that keeps git from converting its line endings
// (emit/git-attributes.ts). Shown with git itself: committed output cloned with core.autocrlf=true
// (Git for Windows' default) keeps its bytes, and `generate --check` in the clone finds it up to
// date; the same clone without the file gets CRLF files that --check finds stale.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";
import { GIT_ATTRIBUTES_FILE } from "../../src/emit/git-attributes.js";
import { MANIFEST_FILE } from "../../src/emit/manifest.js";

const CLI = path.join(REPO, "dist/cli.js");
const LANGS = ["typescript", "rust", "elixir", "scala"];

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    encoding: "utf8",
  });
}

function generate(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, "generate", "--spec", "spec/openapi.yaml", "--out", "models", ...args], { cwd, encoding: "utf8" });
}

/** Every file under `dir` holding a CR. */
function withCr(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && readFileSync(path.join(e.parentPath, e.name)).includes(13))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("a language folder's .gitattributes", () => {
  let repo: string;
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO });
    repo = mkdtempSync(path.join(os.tmpdir(), "modelgen-gitattributes-"));
    cpSync(path.join(REPO, "spec"), path.join(repo, "spec"), { recursive: true });
    const r = generate(repo, "--quiet");
    expect(r.status, r.stderr).toBe(0);
    git(repo, "init", "-q");
    git(repo, "-c", "core.autocrlf=false", "add", "-A");
    git(repo, "commit", "-q", "-m", "models");
  });

  it("is written in every language folder, listed in its manifest, and unsets git's text attribute", () => {
    for (const lang of LANGS) {
      const dir = path.join(repo, "models", lang);
      expect(readFileSync(path.join(dir, GIT_ATTRIBUTES_FILE), "utf8")).toContain("* -text");
      const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as { files: Record<string, string> };
      expect(Object.keys(manifest.files)).toContain(GIT_ATTRIBUTES_FILE);
    }
    expect(git(repo, "check-attr", "text", "models/typescript/index.ts").trim()).toBe("models/typescript/index.ts: text: unset");
  });

  it("keeps a clone with core.autocrlf=true byte for byte, so generate --check passes there", () => {
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-clone-")), "clone");
    git(repo, "clone", "-q", "-c", "core.autocrlf=true", repo, clone);
    // The spec itself is converted (nothing marks it): the loader reads CRLF as LF.
    expect(readFileSync(path.join(clone, "spec/openapi.yaml")).includes(13)).toBe(true);
    expect(withCr(path.join(clone, "models"))).toEqual([]);
    const check = generate(clone, "--check");
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
  });

  it("without it, such a clone gets CRLF files, which generate --check finds stale", () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), "modelgen-no-attributes-"));
    cpSync(repo, bare, { recursive: true });
    for (const lang of LANGS) rmSync(path.join(bare, "models", lang, GIT_ATTRIBUTES_FILE));
    git(bare, "-c", "core.autocrlf=false", "add", "-A");
    git(bare, "commit", "-q", "-m", "no attributes");
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-clone-")), "clone");
    git(bare, "clone", "-q", "-c", "core.autocrlf=true", bare, clone);
    expect(withCr(path.join(clone, "models")).length).toBeGreaterThan(100);
    expect(generate(clone, "--check").status).toBe(1);
  });
});
