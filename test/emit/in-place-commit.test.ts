// A commit into an existing folder killed midway is finished by the next run. The kill is
// simulated at every step of the commit in turn (after the journal is written: each delete, each
// emptied-folder removal, each file moved in, the manifest, the journal's removal), by making the
// k-th of those file-system calls and every later one throw, which leaves the disk as a kill there
// would. The next run's recovery must then give the folder an uninterrupted run gives.
import * as realFs from "node:fs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { commitFiles, discardStaging, planChanges, recoverInterruptedSwap, stageFiles, swapIn } from "../../src/emit/writer.js";
import { MANIFEST_FILE, withManifest } from "../../src/emit/manifest.js";

/** The k-th call (from 0) of a commit step into a folder named `lang` or its journal throws, once armed. */
const kill = vi.hoisted(() => ({ after: undefined as number | undefined, steps: 0 }));
/** Every folder removal asked for, in order. */
const rmdirs = vi.hoisted(() => [] as string[]);

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const step = (target: string) => {
    const inFolder = target.includes(`${path.sep}lang${path.sep}`);
    const isJournal = path.basename(target).startsWith(".lang.journal-");
    if (kill.after === undefined || !(inFolder || isJournal)) return;
    // Once killed, dead: a step whose error the commit code tolerates (a folder not empty) is followed by no other.
    if (kill.steps++ >= kill.after) throw new Error("killed");
  };
  const wrapped = {
    ...fs,
    renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
      // Renaming the journal into place starts the commit: a kill before it changes nothing in the folder (tested apart).
      if (!String(from).endsWith(".modelgen-journal.partial")) step(String(to));
      return fs.renameSync(from, to);
    },
    unlinkSync: (p: realFs.PathLike) => {
      step(String(p));
      return fs.unlinkSync(p);
    },
    rmdirSync: (p: realFs.PathLike, o?: realFs.RmDirOptions) => {
      rmdirs.push(String(p));
      step(String(p));
      return fs.rmdirSync(p, o);
    },
  };
  return { ...wrapped, default: wrapped };
});

type Files = { path: string; contents: string }[];

/** The old folder: a kept file, files that change, files that go (one alone in its folder), and a hand-written file. */
const BEFORE: Files = [
  { path: "Keep.ts", contents: "keep\n" },
  { path: "Changed.ts", contents: "old\n" },
  { path: "models/Changed.ts", contents: "old model\n" },
  { path: "models/Gone.ts", contents: "gone\n" },
  { path: "alone/Gone.ts", contents: "gone alone\n" },
];
const AFTER: Files = [
  { path: "Keep.ts", contents: "keep\n" },
  { path: "Changed.ts", contents: "new\n" },
  { path: "models/Changed.ts", contents: "new model\n" },
  { path: "fresh/deep/Added.ts", contents: "added\n" },
];

/** Every file and folder under `dir` with its contents (folders as ""), hidden ones included. */
function tree(dir: string, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, { [`${p}/`]: "" }, tree(dir, p));
    else out[p] = readFileSync(path.join(dir, p), "utf8");
  }
  return out;
}

/** A parent folder holding `lang/` written from BEFORE, with a file the generator never wrote. */
function oldFolder(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "modelgen-commit-")), "lang");
  const files = withManifest(BEFORE);
  commitFiles(dir, files, planChanges(dir, files));
  mkdirSync(path.join(dir, "models"), { recursive: true });
  writeFileSync(path.join(dir, "models/mine.md"), "hand-written\n");
  return dir;
}

/** Commits AFTER into `dir`, killed at commit step `k` (never when undefined); true when the kill happened. */
function commitKilledAt(dir: string, k: number | undefined): boolean {
  const files = withManifest(AFTER);
  const staged = stageFiles(dir, files, planChanges(dir, files));
  Object.assign(kill, { after: k, steps: 0 });
  try {
    swapIn(dir, staged);
    return false;
  } catch (e) {
    if ((e as Error).message !== "killed") throw e;
    return true;
  } finally {
    kill.after = undefined;
  }
}

describe("a commit in place killed midway", () => {
  const oldManifest = withManifest(BEFORE).at(-1)!.contents;
  const uninterrupted = (() => {
    const dir = oldFolder();
    expect(commitKilledAt(dir, undefined)).toBe(false);
    return tree(path.dirname(dir));
  })();

  it("is what an uninterrupted run gives: the changed files in, the dropped ones and their emptied folder gone, nothing else", () => {
    expect(Object.keys(uninterrupted).sort()).toEqual(
      [
        "lang/",
        "lang/.modelgen-manifest.json",
        "lang/Changed.ts",
        "lang/Keep.ts",
        "lang/fresh/",
        "lang/fresh/deep/",
        "lang/fresh/deep/Added.ts",
        "lang/models/",
        "lang/models/Changed.ts",
        "lang/models/mine.md",
      ].sort(),
    );
  });

  it("is finished by the next run, from whichever step it was killed at", () => {
    let killedAt = 0;
    // Step by step until a commit runs through: every step of the commit gets killed once.
    for (let k = 0; ; k++) {
      const dir = oldFolder();
      if (!commitKilledAt(dir, k)) break;
      killedAt++;
      const parent = path.dirname(dir);
      expect(
        readdirSync(parent).some((e) => e.startsWith(".lang.journal-")),
        `killed at step ${k}: journal left`,
      ).toBe(true);
      // The manifest moves in last: a new one means every other change is in already.
      const manifest = readFileSync(path.join(dir, MANIFEST_FILE), "utf8");
      if (manifest === uninterrupted[`lang/${MANIFEST_FILE}`]) {
        for (const f of AFTER) expect(readFileSync(path.join(dir, f.path), "utf8"), `killed at step ${k}: ${f.path}`).toBe(f.contents);
      } else {
        expect(manifest, `killed at step ${k}`).toBe(oldManifest);
      }
      // The failed run's clean-up must keep what the next run needs to finish the commit.
      discardStaging(dir);
      recoverInterruptedSwap(dir);
      expect(tree(parent), `killed at step ${k}`).toEqual(uninterrupted);
    }
    // 2 deletes, 2 removals of their folders tried, 4 moves (the manifest last; one into a new
    // folder: tried, the folder made, tried again), the journal's removal.
    expect(killedAt).toBe(10);
  });

  it("removes each emptied folder once, deepest first, however many files it held", () => {
    const dir = oldFolder();
    const many = Array.from({ length: 40 }, (_, i) => ({ path: `deep/a/b/M${i}.ts`, contents: `${i}\n` }));
    const files = withManifest([...AFTER, ...many]);
    const staged = stageFiles(dir, files, planChanges(dir, files))!;
    rmdirs.length = 0;
    swapIn(dir, staged);
    const inStaging = rmdirs.filter((p) => p.startsWith(staged.staging)).map((p) => path.relative(staged.staging, p).split(path.sep).join("/"));
    expect([...inStaging].sort()).toEqual(["", "deep", "deep/a", "deep/a/b", "fresh", "fresh/deep", "models"]);
    // Each after the folders it holds, the staging folder itself last.
    expect(inStaging.at(-1)).toBe("");
    for (const [i, folder] of inStaging.entries())
      expect(inStaging.slice(i + 1).some((later) => later.startsWith(`${folder}/`)), folder).toBe(false);
    // The deletes' folders, each tried once: `alone` emptied and gone, `models` kept (it holds a hand-written file).
    const inDir = rmdirs.filter((p) => !p.startsWith(staged.staging)).map((p) => path.relative(dir, p));
    expect(inDir.sort()).toEqual(["alone", "models"]);
    expect(realFs.existsSync(staged.staging)).toBe(false);
    expect(realFs.existsSync(path.join(dir, "alone"))).toBe(false);
    expect(tree(dir)["models/mine.md"]).toBe("hand-written\n");
    expect(readFileSync(path.join(dir, "deep/a/b/M39.ts"), "utf8")).toBe("39\n");
  });

  it("before its journal is written changes nothing: the staging folder is discarded by the next run", () => {
    const dir = oldFolder();
    const before = tree(path.dirname(dir));
    const files = withManifest(AFTER);
    stageFiles(dir, files, planChanges(dir, files));
    recoverInterruptedSwap(dir);
    expect(tree(path.dirname(dir))).toEqual(before);
  });

  it("is dropped when its folder was removed since: the next run starts from nothing", () => {
    const dir = oldFolder();
    expect(commitKilledAt(dir, 3)).toBe(true);
    realFs.rmSync(dir, { recursive: true });
    recoverInterruptedSwap(dir);
    expect(readdirSync(path.dirname(dir))).toEqual([]);
  });
});
