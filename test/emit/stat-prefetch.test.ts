// stat-prefetch (src/emit/stat-prefetch.ts): a worker stats the files a regeneration may keep while
// the main thread reads the spec and answers with those not known intact by their ctime (statSync's
// view); the intact check takes that, and a run's answers never outlive it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { intactCheck } from "../../src/emit/fingerprint.js";
import { MANIFEST_FILE, type Manifest } from "../../src/emit/manifest.js";
import { forgetStats, prefetchedIntact, prefetchedManifest, prefetchStats, wantsStatWorker } from "../../src/emit/stat-prefetch.js";
import zlib from "node:zlib";
import { CacheFile } from "../../src/common/cache-files.js";
import { prefetchedBodyCrc, readAheadTaken, readPrefetched } from "../../src/common/read-ahead.js";

function folder(): { dir: string; manifest: Manifest } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-prefetch-"));
  mkdirSync(path.join(dir, "sub"));
  mkdirSync(path.join(dir, "folder.ts"));
  writeFileSync(path.join(dir, "a.ts"), "a\n");
  writeFileSync(path.join(dir, "sub/b.ts"), "b\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
  writeFileSync(path.join(dir, MANIFEST_FILE), "{}\n");
  const files = { "a.ts": "x", "sub/b.ts": "x", "missing.ts": "x", "folder.ts": "x" };
  return { dir, manifest: { tool: "openapi-modelgen", files } };
}

afterEach(() => forgetStats());

describe("prefetchStats", () => {
  it("answers with the files not older than the manifest or no regular file, as statSync sees them; remembers the manifest", async () => {
    const f = folder();
    // Changed after the manifest (its ctime is now): not known intact.
    writeFileSync(path.join(f.dir, "late.ts"), "late\n");
    f.manifest.files["late.ts"] = "x";
    // Its mtime set back changes nothing: the ctime is what counts.
    utimesSync(path.join(f.dir, "late.ts"), 0, 0);
    await prefetchStats([f]);
    const found = prefetchedIntact(f.dir);
    expect(found?.manifestChanged).toBe(statSync(path.join(f.dir, MANIFEST_FILE)).ctimeMs);
    expect([...found!.suspects].sort()).toEqual(["folder.ts", "late.ts", "missing.ts"]);
    expect(prefetchedManifest(f.dir)).toBe(f.manifest);
    forgetStats();
    expect(prefetchedIntact(f.dir)).toBeUndefined();
    expect(prefetchedManifest(f.dir)).toBeUndefined();
  });

  it("is what the intact check answers from while the run lasts, and statSync after it", async () => {
    const f = folder();
    await prefetchStats([f]);
    // Removed after the prefetch: the run still takes the answer it prefetched (as if stat'ed before the removal).
    rmSync(path.join(f.dir, "a.ts"));
    expect(intactCheck(f.dir)!("a.ts", "x")).toBe(true);
    forgetStats();
    expect(intactCheck(f.dir)!("a.ts", "x")).toBe(false);
  });

  it("leaves the intact check to look at the files it found suspect, and at every file once the manifest changed", async () => {
    const f = folder();
    await prefetchStats([f]);
    const intact = intactCheck(f.dir, false)!;
    expect(intact("sub/b.ts", "x")).toBe(true);
    expect(intact("missing.ts", "x")).toBe(false);
    expect(intact("folder.ts", "x")).toBe(false);
    // A manifest written again since (its ctime moved): the answers were about another one.
    rmSync(path.join(f.dir, "sub/b.ts"));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(path.join(f.dir, MANIFEST_FILE), "{}\n");
    expect(intactCheck(f.dir, false)!("sub/b.ts", "x")).toBe(false);
  });

  it("drops answers that arrive after their run ended", async () => {
    const f = folder();
    const answered = prefetchStats([f]);
    forgetStats();
    await answered;
    expect(prefetchedIntact(f.dir)).toBeUndefined();
  });

  it("reads files ahead for the main thread: those asked first before answering, the others after", async () => {
    const f = folder();
    const first = path.join(f.dir, "state.txt");
    const later = path.join(f.dir, "units.json");
    const small = path.join(f.dir, "small.txt");
    // Large enough for a buffer of its own (moved to the main thread), and small enough for one of Node's pool (copied).
    writeFileSync(first, "s".repeat(100_000));
    writeFileSync(later, "u".repeat(50_000));
    writeFileSync(small, "tiny");
    await prefetchStats([f], true, { first: [first, path.join(f.dir, "not-there.txt")], afterStats: [later, small], checked: [] });
    // Changed on disk since: what the main thread takes is what the worker read.
    writeFileSync(first, "changed");
    expect(readPrefetched(first).toString("utf8")).toBe("s".repeat(100_000));
    // Read after the answer: the disk's bytes until it has arrived, then the worker's (counted as taken).
    // Not overwritten on disk here: the worker may not have read them yet, and would read what was written.
    const arrived = async (file: string) => {
      for (let waited = 0; waited < 10_000; waited += 10) {
        const takenBefore = readAheadTaken().files;
        const text = readPrefetched(file).toString("utf8");
        if (readAheadTaken().files > takenBefore) return text;
        await new Promise((done) => setTimeout(done, 10));
      }
      return "never arrived";
    };
    expect(await arrived(later)).toBe("u".repeat(50_000));
    expect(await arrived(small)).toBe("tiny");
    expect(readAheadTaken()).toEqual({ files: 3, bytes: 150_004 });
    // A file the worker could not read is read by the main thread, with its error.
    expect(() => readPrefetched(path.join(f.dir, "not-there.txt"))).toThrow(/ENOENT/);
    forgetStats();
    expect(readAheadTaken()).toEqual({ files: 0, bytes: 0 });
  });

  it("takes the checksum of a cache file it reads, which the cache's reader then uses, and a damaged file still reads as nothing", async () => {
    const f = folder();
    const cacheDir = path.join(f.dir, "cache");
    const good = new CacheFile(cacheDir, "normalize-state", path.join(f.dir, "spec.yaml"));
    await good.writeBytes("2", new TextEncoder().encode("state\n".repeat(1000)));
    const damaged = new CacheFile(cacheDir, "normalize-state", path.join(f.dir, "other.yaml"));
    await damaged.writeBytes("2", new TextEncoder().encode("state\n".repeat(1000)));
    writeFileSync(damaged.file, readFileSync(damaged.file, "utf8").replace("state\nstate", "state\nSTATE"));
    const files = [good.file, damaged.file];
    await prefetchStats([f], true, { first: files, afterStats: [], checked: files });
    // Both read by the worker (asked first, so arrived when the stats were answered), checked with its checksums.
    expect(good.readBytes("2")?.toString("utf8")).toBe("state\n".repeat(1000));
    expect(damaged.readBytes("2")).toBeUndefined();
    expect(readAheadTaken().files).toBe(2);
    // The checksum the worker took is the body's CRC-32 (on a Node with zlib.crc32).
    const crc32 = zlib.crc32 as ((data: Uint8Array) => number) | undefined;
    await prefetchStats([f], true, { first: [good.file], afterStats: [], checked: [good.file] });
    const bytes = readPrefetched(good.file);
    expect(prefetchedBodyCrc(bytes)).toBe(crc32 ? crc32(bytes.subarray(bytes.indexOf(10) + 1)) : undefined);
  });

  it("reads nothing ahead without the worker", async () => {
    const f = folder();
    const first = path.join(f.dir, "state.txt");
    writeFileSync(first, "before");
    await prefetchStats([f], false, { first: [first], afterStats: [], checked: [] });
    writeFileSync(first, "after");
    expect(readPrefetched(first).toString("utf8")).toBe("after");
  });

  it("resolves at once with nothing to ask", async () => {
    await prefetchStats([]);
    expect(prefetchedManifest("/nowhere")).toBeUndefined();
  });
});

describe("wantsStatWorker", () => {
  it.each([
    ["a free core", undefined, 0.4, 2, true],
    ["half a core free", undefined, 1.5, 2, true],
    ["one other task runnable (for an instant, or busy: the worker costs nothing then)", undefined, 2, 2, true],
    ["two other tasks runnable", undefined, 3, 2, false],
    ["more load than cores (a load average)", undefined, 2.2, 2, false],
    ["a loaded machine", undefined, 6, 2, false],
    ["one core", undefined, 0, 1, false],
    ["MODELGEN_WORKERS=0", "0", 0, 8, false],
    ["MODELGEN_WORKERS=1", "1", 9, 2, true],
  ] as const)("%s", (_, setting, load, cores, want) => expect(wantsStatWorker(setting, load, cores)).toBe(want));

  it("without the worker, remembers the manifests and answers nothing", async () => {
    const f = folder();
    await prefetchStats([f], false);
    expect(prefetchedManifest(f.dir)).toBe(f.manifest);
    expect(prefetchedIntact(f.dir)).toBeUndefined();
  });
});
