// The writer: byte-identical reruns, a manifest of owned files, unchanged files untouched,
// stale owned files deleted, foreign files kept.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitFiles, planChanges, recoverInterruptedSwap } from "../../src/emit/writer.js";
import { MANIFEST_FILE, withManifest } from "../../src/emit/manifest.js";

const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-writer-")), "out", "lang");
const write = (dir: string, files: { path: string; contents: string }[]) => {
  const all = withManifest(files);
  const changes = planChanges(dir, all);
  commitFiles(dir, all, changes);
  return changes;
};

describe("writer", () => {
  it("writes files and a manifest, then reports nothing to do", () => {
    const dir = tmp();
    const files = [{ path: "a.ts", contents: "a\n" }, { path: "sub/b.ts", contents: "b\n" }];
    expect(write(dir, files)).toMatchObject({ added: [MANIFEST_FILE, "a.ts", "sub/b.ts"], changed: [], deleted: [] });
    expect(readFileSync(path.join(dir, "sub/b.ts"), "utf8")).toBe("b\n");
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")).files).toHaveProperty("a.ts");
    expect(planChanges(dir, withManifest(files))).toMatchObject({ added: [], changed: [], deleted: [] });
  });

  it("rewrites only changed files: an unchanged file keeps its mtime", () => {
    const dir = tmp();
    write(dir, [{ path: "a.ts", contents: "a\n" }, { path: "b.ts", contents: "b\n" }]);
    const old = new Date(2020, 0, 1);
    utimesSync(path.join(dir, "a.ts"), old, old);
    const changes = write(dir, [{ path: "a.ts", contents: "a\n" }, { path: "b.ts", contents: "B\n" }]);
    expect(changes.changed).toEqual([MANIFEST_FILE, "b.ts"]);
    expect(statSync(path.join(dir, "a.ts")).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(path.join(dir, "b.ts"), "utf8")).toBe("B\n");
  });

  it("deletes files it wrote before and no longer produces, and keeps files it never wrote", () => {
    const dir = tmp();
    write(dir, [{ path: "a.ts", contents: "a\n" }, { path: "gone.ts", contents: "g\n" }]);
    mkdirSync(path.join(dir, "mine"), { recursive: true });
    writeFileSync(path.join(dir, "mine/notes.md"), "hand-written\n");
    writeFileSync(path.join(dir, "README.md"), "kept\n");
    const changes = write(dir, [{ path: "a.ts", contents: "a\n" }]);
    expect(changes.deleted).toEqual(["gone.ts"]);
    expect(existsSync(path.join(dir, "gone.ts"))).toBe(false);
    expect(readFileSync(path.join(dir, "mine/notes.md"), "utf8")).toBe("hand-written\n");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("kept\n");
  });

  it("leaves no staging or retired folder behind, however deep the files", () => {
    const cases = [
      { files: [{ path: "a.ts", contents: "a\n" }] },
      { files: [{ path: "src/deep/er/b.rs", contents: "b\n" }, { path: "src/c.rs", contents: "c\n" }] },
    ];
    for (const c of cases) {
      const dir = tmp();
      write(dir, c.files);
      mkdirSync(path.join(dir, "mine/notes"), { recursive: true });
      writeFileSync(path.join(dir, "mine/notes/n.md"), "hand-written\n");
      write(dir, [...c.files, { path: "new.ts", contents: "n\n" }]);
      expect(readdirSync(path.dirname(dir))).toEqual(["lang"]);
      expect(readFileSync(path.join(dir, "mine/notes/n.md"), "utf8")).toBe("hand-written\n");
    }
  });

  it("puts back a folder left under its retired name by a run killed between the two renames", () => {
    const dir = tmp();
    write(dir, [{ path: "a.ts", contents: "a\n" }]);
    const retired = path.join(path.dirname(dir), ".lang.old-123-abc");
    // Simulate the kill: the old folder was renamed away, the new one never arrived.
    renameSync(dir, retired);
    recoverInterruptedSwap(dir);
    expect(planChanges(dir, withManifest([{ path: "a.ts", contents: "a\n" }]))).toMatchObject({ added: [], changed: [], deleted: [] });
    expect(readFileSync(path.join(dir, "a.ts"), "utf8")).toBe("a\n");
  });
});
