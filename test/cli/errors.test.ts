// How errors reach the user: one line and exit 1 or 2 for what they can act on (the spec, the
// command, the machine's file system), a stack trace and exit 70 only for a bug.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../../src/commands/errors.js";
import { SpecError, UsageError } from "../../src/common/errors.js";
import { REPO } from "../helpers/generate.js";

/** An error as Node's fs raises it. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code, syscall: "open", path: "out/x.ts", errno: -1 });
}

describe("describeError", () => {
  it.each<{ name: string; error: unknown; exitCode: number; text: RegExp }>([
    { name: "a usage error", error: new UsageError("unknown option --x"), exitCode: 2, text: /^openapi-modelgen: unknown option --x$/ },
    { name: "a spec error", error: new SpecError({ file: "a.yaml", line: 3, col: 5 }, "bad"), exitCode: 1, text: /^a\.yaml:3:5: bad$/ },
    {
      name: "a file name too long",
      error: fsError("ENAMETOOLONG", "name too long, open 'out/x.ts'"),
      exitCode: 1,
      text: /^openapi-modelgen: the file system refused: ENAMETOOLONG: name too long, open 'out\/x\.ts'$/,
    },
    { name: "a full disk", error: fsError("ENOSPC", "no space left on device, write"), exitCode: 1, text: /^openapi-modelgen: the file system refused: ENOSPC/ },
    { name: "no permission", error: fsError("EACCES", "permission denied, mkdir 'out'"), exitCode: 1, text: /^openapi-modelgen: the file system refused: EACCES/ },
    // A file the tool itself expected and did not find is the tool's fault.
    { name: "a missing file", error: fsError("ENOENT", "no such file or directory"), exitCode: 70, text: /internal error \(please report it\)/ },
    { name: "a code without a system call", error: Object.assign(new Error("x"), { code: "EACCES" }), exitCode: 70, text: /internal error/ },
    { name: "a bug", error: new TypeError("x is undefined"), exitCode: 70, text: /^openapi-modelgen: internal error \(please report it\): TypeError: x is undefined\n\s+at / },
  ])("$name", ({ error, exitCode, text }) => {
    const d = describeError(error);
    expect(d.exitCode).toBe(exitCode);
    expect(d.text).toMatch(text);
  });
});

describe("generate where the file system refuses", () => {
  const CLI = path.join(REPO, "dist/cli.js");
  let dir: string;
  beforeAll(() => {
    const built = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-refused-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (out: string) =>
    spawnSync(process.execPath, [CLI, "generate", "--quiet", "--lang", "typescript", "--spec", path.join(REPO, "spec/openapi.yaml"), "--out", out], {
      cwd: dir,
      encoding: "utf8",
    });

  it.each([
    { name: "an output folder name longer than 255 bytes", out: () => path.join(dir, "o".repeat(300)), code: "ENAMETOOLONG" },
    {
      name: "an output folder under a file",
      out: () => {
        writeFileSync(path.join(dir, "file"), "");
        return path.join(dir, "file", "out");
      },
      code: "ENOTDIR",
    },
  ])("$name: one line, exit 1, nothing staged left behind", ({ out, code }) => {
    const r = generate(out());
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`openapi-modelgen: the file system refused: ${code}`);
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });
});
