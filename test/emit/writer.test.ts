// The writer: byte-identical reruns, a manifest of owned files, unchanged files untouched (in
// place: same inode, mtime and ctime), stale owned files deleted, foreign files kept, a first run
// swapped in whole. Commits killed midway are in test/emit/in-place-commit.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitFiles, compareWithDisk, discardStaging, planChanges, recoverInterruptedSwap, stageFiles, swapIn } from "../../src/emit/writer.js";
import { MANIFEST_FILE, withManifest } from "../../src/emit/manifest.js";

const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-writer-")), "out", "lang");
/** Every file and folder under `dir` (folders with a trailing slash), sorted. */
const listTree = (dir: string, rel = ""): string[] =>
  readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? [`${p}/`, ...listTree(dir, p)] : [p];
    })
    .sort();
const write = (dir: string, files: { path: string; contents: string }[]) => {
  const all = withManifest(files);
  const changes = planChanges(dir, all);
  commitFiles(dir, all, changes);
  return changes;
};

describe("compareWithDisk: a file of another size is changed without being read", () => {
  // given: what is on disk at the path (undefined: nothing, "<dir>": a folder); the text to write; want: the verdict.
  const cases: { name: string; disk: string | undefined; text: string; want: string }[] = [
    { name: "nothing there", disk: undefined, text: "a\n", want: "added" },
    { name: "a folder in its place", disk: "<dir>", text: "a\n", want: "added" },
    { name: "the same text", disk: "é\n", text: "é\n", want: "unchanged" },
    { name: "another size", disk: "ab\n", text: "a\n", want: "changed" },
    { name: "the same size, other bytes", disk: "b\n", text: "a\n", want: "changed" },
    { name: "as many characters, more bytes", disk: "e\n", text: "é\n", want: "changed" },
    { name: "empty on both sides", disk: "", text: "", want: "unchanged" },
    { name: "a file where a folder of the path should be", disk: "<file>/f.txt", text: "a\n", want: "added" },
  ];
  it.each(cases)("$name", ({ disk, text, want }) => {
    const dir = tmp();
    mkdirSync(dir, { recursive: true });
    const p = path.join(dir, disk === "<file>/f.txt" ? "file/f.txt" : "f.txt");
    if (disk === "<file>/f.txt") writeFileSync(path.join(dir, "file"), "x");
    else if (disk === "<dir>") mkdirSync(p);
    else if (disk !== undefined) writeFileSync(p, disk);
    expect(compareWithDisk(p, text)).toBe(want);
  });
});

describe("writer", () => {
  it("writes files and a manifest, then reports nothing to do", () => {
    const dir = tmp();
    const files = [
      { path: "a.ts", contents: "a\n" },
      { path: "sub/b.ts", contents: "b\n" },
    ];
    expect(write(dir, files)).toMatchObject({ added: [MANIFEST_FILE, "a.ts", "sub/b.ts"], changed: [], deleted: [] });
    expect(readFileSync(path.join(dir, "sub/b.ts"), "utf8")).toBe("b\n");
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")).files).toHaveProperty("a.ts");
    expect(planChanges(dir, withManifest(files))).toMatchObject({ added: [], changed: [], deleted: [] });
  });

  // A missing folder is not read file by file (every file is added); an existing one is.
  it.each([
    { name: "no folder", given: undefined, want: { added: ["a.ts", "b.ts"], changed: [], unchanged: [] } },
    { name: "an empty folder", given: [], want: { added: ["a.ts", "b.ts"], changed: [], unchanged: [] } },
    { name: "one file the same, one different", given: [["a.ts", "a\n"], ["b.ts", "old\n"]], want: { added: [], changed: ["b.ts"], unchanged: ["a.ts"] } },
  ])("plans against $name", ({ given, want }) => {
    const dir = tmp();
    if (given) {
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of given) writeFileSync(path.join(dir, file!), text!);
    }
    const files = [
      { path: "b.ts", contents: "b\n" },
      { path: "a.ts", contents: "a\n" },
    ];
    expect(planChanges(dir, files)).toEqual({ ...want, deleted: [] });
  });

  it("rewrites only changed files: an unchanged file keeps its mtime", () => {
    const dir = tmp();
    write(dir, [
      { path: "a.ts", contents: "a\n" },
      { path: "b.ts", contents: "b\n" },
    ]);
    const old = new Date(2020, 0, 1);
    utimesSync(path.join(dir, "a.ts"), old, old);
    const changes = write(dir, [
      { path: "a.ts", contents: "a\n" },
      { path: "b.ts", contents: "B\n" },
    ]);
    expect(changes.changed).toEqual([MANIFEST_FILE, "b.ts"]);
    expect(statSync(path.join(dir, "a.ts")).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(path.join(dir, "b.ts"), "utf8")).toBe("B\n");
  });

  it("deletes files it wrote before and no longer produces, and keeps files it never wrote", () => {
    const dir = tmp();
    write(dir, [
      { path: "a.ts", contents: "a\n" },
      { path: "gone.ts", contents: "g\n" },
    ]);
    mkdirSync(path.join(dir, "mine"), { recursive: true });
    writeFileSync(path.join(dir, "mine/notes.md"), "hand-written\n");
    writeFileSync(path.join(dir, "README.md"), "kept\n");
    const changes = write(dir, [{ path: "a.ts", contents: "a\n" }]);
    expect(changes.deleted).toEqual(["gone.ts"]);
    expect(existsSync(path.join(dir, "gone.ts"))).toBe(false);
    expect(readFileSync(path.join(dir, "mine/notes.md"), "utf8")).toBe("hand-written\n");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("kept\n");
  });

  it("commits in place: unchanged files keep inode, mtime and ctime, the folder keeps its inode", () => {
    const dir = tmp();
    const before = [
      { path: "a.ts", contents: "a\n" },
      { path: "sub/b.ts", contents: "b\n" },
      { path: "c.ts", contents: "c\n" },
    ];
    write(dir, before);
    const stat = (p: string) => statSync(path.join(dir, p));
    const untouched = ["a.ts", "sub/b.ts"].map((p) => ({ p, stat: stat(p) }));
    const folder = statSync(dir).ino;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30); // past ext4's ctime resolution, so a touched inode would show
    const changes = write(dir, [...before.slice(0, 2), { path: "c.ts", contents: "C\n" }, { path: "new/d.ts", contents: "d\n" }]);
    expect(changes).toMatchObject({ added: ["new/d.ts"], changed: [MANIFEST_FILE, "c.ts"], deleted: [] });
    for (const { p, stat: was } of untouched) {
      const now = stat(p);
      expect([now.ino, now.mtimeMs, now.ctimeMs], p).toEqual([was.ino, was.mtimeMs, was.ctimeMs]);
    }
    expect(statSync(dir).ino).toBe(folder);
    expect(readFileSync(path.join(dir, "new/d.ts"), "utf8")).toBe("d\n");
    expect(readdirSync(path.dirname(dir))).toEqual(["lang"]);
  });

  it.each([
    {
      name: "a folder whose last file goes is removed",
      before: ["a.ts", "models/Gone.ts"],
      after: ["a.ts"],
      want: [".modelgen-manifest.json", "a.ts"],
    },
    {
      name: "a folder still holding a file the generator never wrote stays",
      before: ["a.ts", "models/Gone.ts"],
      mine: ["models/mine.md"],
      after: ["a.ts"],
      want: [".modelgen-manifest.json", "a.ts", "models/", "models/mine.md"],
    },
    {
      name: "deeper folders emptied are removed up to the first one holding something",
      before: ["a/b/c/Gone.ts", "a/Stay.ts"],
      after: ["a/Stay.ts"],
      want: [".modelgen-manifest.json", "a/", "a/Stay.ts"],
    },
    { name: "a file takes the place of a folder", before: ["thing/x.ts"], after: ["thing"], want: [".modelgen-manifest.json", "thing"] },
    {
      name: "a folder takes the place of a file",
      before: ["thing"],
      after: ["thing/x.ts"],
      want: [".modelgen-manifest.json", "thing/", "thing/x.ts"],
    },
  ])("in place, $name", ({ before, mine, after, want }) => {
    const dir = tmp();
    write(
      dir,
      before.map((p) => ({ path: p, contents: `${p}\n` })),
    );
    for (const p of mine ?? []) writeFileSync(path.join(dir, p), "hand-written\n");
    write(
      dir,
      after.map((p) => ({ path: p, contents: `${p} v2\n` })),
    );
    expect(listTree(dir)).toEqual(want);
    for (const p of after) expect(readFileSync(path.join(dir, p), "utf8")).toBe(`${p} v2\n`);
  });

  it("leaves the manifest the newest inode, also when only a file edited by hand was written back", () => {
    const dir = tmp();
    const files = [
      { path: "a.ts", contents: "a\n" },
      { path: "b.ts", contents: "b\n" },
    ];
    write(dir, files);
    // ext4 stamps ctimes from a clock of a few milliseconds' resolution: wait past it, so a later inode is seen as later.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(path.join(dir, "a.ts"), "edited\n");
    // The manifest lists the same hashes, so it is not rewritten: the commit touches it instead.
    expect(write(dir, files)).toMatchObject({ added: [], changed: ["a.ts"], deleted: [] });
    const manifest = statSync(path.join(dir, MANIFEST_FILE)).ctimeMs;
    for (const f of files) expect(statSync(path.join(dir, f.path)).ctimeMs, f.path).toBeLessThanOrEqual(manifest);
    write(dir, [...files, { path: "c.ts", contents: "c\n" }]);
    const rewritten = statSync(path.join(dir, MANIFEST_FILE)).ctimeMs;
    for (const p of ["a.ts", "b.ts", "c.ts"]) expect(statSync(path.join(dir, p)).ctimeMs, p).toBeLessThanOrEqual(rewritten);
  });

  it("stages only the changed files of an existing folder, and every file of a new one", () => {
    const cases = [
      { name: "existing", exists: true, want: { kind: "in-place", staged: [MANIFEST_FILE, "b.ts"] } },
      { name: "new", exists: false, want: { kind: "swap", staged: [MANIFEST_FILE, "a.ts", "b.ts"] } },
    ];
    for (const c of cases) {
      const dir = tmp();
      if (c.exists)
        write(dir, [
          { path: "a.ts", contents: "a\n" },
          { path: "b.ts", contents: "b\n" },
        ]);
      const files = withManifest([
        { path: "a.ts", contents: "a\n" },
        { path: "b.ts", contents: "B\n" },
      ]);
      const staged = stageFiles(dir, files, planChanges(dir, files))!;
      expect({ kind: staged.kind, staged: listTree(staged.staging) }, c.name).toEqual(c.want);
      discardStaging(dir);
      expect(readdirSync(path.dirname(dir)), c.name).toEqual(c.exists ? ["lang"] : []);
    }
  });

  it("swaps a first run's folder in whole: the staging folder becomes the folder", () => {
    const dir = tmp();
    const files = withManifest([{ path: "a.ts", contents: "a\n" }]);
    const staged = stageFiles(dir, files, planChanges(dir, files))!;
    expect(staged.kind).toBe("swap");
    const stagingInode = statSync(staged.staging).ino;
    swapIn(dir, staged);
    expect(statSync(dir).ino).toBe(stagingInode);
    expect(readdirSync(path.dirname(dir))).toEqual(["lang"]);
  });

  it("moves a first run's files into a folder made after staging, keeping what is in it", () => {
    const dir = tmp();
    const files = withManifest([
      { path: "a.ts", contents: "a\n" },
      { path: "sub/b.ts", contents: "b\n" },
    ]);
    const staged = stageFiles(dir, files, planChanges(dir, files))!;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "mine.md"), "hand-written\n");
    swapIn(dir, staged);
    expect(listTree(dir)).toEqual([MANIFEST_FILE, "a.ts", "mine.md", "sub/", "sub/b.ts"]);
    expect(readdirSync(path.dirname(dir))).toEqual(["lang"]);
  });

  it("removes a staging folder left without a journal (a run killed while staging), leaving the folder as it was", () => {
    const dir = tmp();
    write(dir, [{ path: "a.ts", contents: "a\n" }]);
    const before = listTree(dir);
    const files = withManifest([
      { path: "a.ts", contents: "A\n" },
      { path: "b.ts", contents: "b\n" },
    ]);
    const staged = stageFiles(dir, files, planChanges(dir, files))!;
    renameSync(staged.staging, path.join(path.dirname(dir), ".lang.tmp-999999"));
    recoverInterruptedSwap(dir);
    expect(readdirSync(path.dirname(dir))).toEqual(["lang"]);
    expect(listTree(dir)).toEqual(before);
    expect(readFileSync(path.join(dir, "a.ts"), "utf8")).toBe("a\n");
  });

  it("leaves no staging or retired folder behind, however deep the files", () => {
    const cases = [
      { files: [{ path: "a.ts", contents: "a\n" }] },
      {
        files: [
          { path: "src/deep/er/b.rs", contents: "b\n" },
          { path: "src/c.rs", contents: "c\n" },
        ],
      },
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
