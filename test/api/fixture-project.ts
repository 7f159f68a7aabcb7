// Test helper for the library, watch, jobs and package tests: a project folder holding a copy of
// spec/ (a multi-file spec: openapi.yaml plus two files it references), and the built CLI.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO } from "../helpers/generate.js";

export const CLI = path.join(REPO, "dist/cli.js");

export function tempProject(prefix = "modelgen-api-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.join(REPO, "spec"), path.join(dir, "spec"), { recursive: true });
  return dir;
}

export function buildBundles(): void {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Replaces `from` with `to` in a file, failing when `from` is not there (so a test cannot silently edit nothing). */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** mtime (ns) of every file under `dir`, by relative path. */
export function mtimes(dir: string, rel = ""): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, mtimes(dir, p));
    else out[p] = statSync(path.join(dir, p), { bigint: true }).mtimeNs;
  }
  return out;
}
