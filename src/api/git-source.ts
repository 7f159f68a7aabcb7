// A spec as it is at a git ref, read straight from the object database (`git cat-file`), so
// `diff --base origin/main` needs no second checkout. Every file of a multi-file spec is read at
// the same commit: the ref is resolved once.
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../common/errors.js";
import { lazyPackage } from "../common/lazy-package.js";
import type { ReadSource } from "../load/loader.js";
import { TextBytes } from "../load/scanned-text.js";

const childProcess = lazyPackage<typeof import("node:child_process")>("node:child_process");

export interface SpecAtRef {
  /** The root spec's absolute path (symlinks resolved, so paths below it map onto the repository). */
  specPath: string;
  /** Reads any file of the repository as it is at the ref; a file missing there fails with ENOENT. */
  readText: ReadSource;
  /** `<ref>:<path in the repository>`, for messages and report headings. */
  label: string;
  /** `<ref>:<path in the repository>` of a file named relative to the root spec's folder (as SpecError locations are). */
  labelOf(fileFromSpecFolder: string): string;
}

export function specAtRef(specFile: string, ref: string): SpecAtRef {
  if (ref === "" || ref.startsWith("-")) throw new UsageError(`not a git ref: "${ref}"`);
  const specPath = realpathLoose(path.resolve(specFile));
  const root = realpathLoose(
    git(
      existingFolder(path.dirname(specPath)),
      ["rev-parse", "--show-toplevel"],
      () => `${path.dirname(specFile)} is not inside a git repository`,
    ).trim(),
  );
  const commit = git(
    root,
    ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
    () => `unknown git ref "${ref}" (in a shallow CI checkout, fetch it first: git fetch --depth=1 origin <branch>)`,
  ).trim();
  const inRepo = (absPath: string): string | undefined => {
    const rel = path.relative(root, absPath);
    return rel.startsWith("..") || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join("/");
  };
  const specInRepo = inRepo(specPath);
  if (specInRepo === undefined) throw new UsageError(`${specFile} is outside the git repository at ${root}`);
  const readText: ReadSource = (absPath) => {
    const rel = inRepo(absPath);
    if (rel === undefined) throw missing(`${absPath} is outside the git repository`);
    try {
      // Bytes: the loader decodes them by their encoding, as a file read from disk.
      const bytes = childProcess().execFileSync("git", ["cat-file", "blob", `${commit}:${rel}`], {
        cwd: root,
        maxBuffer: 1 << 30,
        stdio: ["ignore", "pipe", "pipe"],
      });
      return new TextBytes(bytes);
    } catch {
      throw missing(`not in ${ref}`);
    }
  };
  const specFolder = path.posix.dirname(specInRepo);
  return { specPath, readText, label: `${ref}:${specInRepo}`, labelOf: (file) => `${ref}:${path.posix.join(specFolder, file)}` };
}

/** Runs git for one answer; a failure is the user's to fix (no repository, unknown ref), said by `why`. */
function git(cwd: string, args: string[], why: () => string): string {
  try {
    return childProcess().execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("git was not found on PATH");
    throw new UsageError(why());
  }
}

/** The loader reports ENOENT as "file not found" at the $ref that names the file. */
function missing(message: string): Error {
  return Object.assign(new Error(message), { code: "ENOENT" });
}

/**
 * realpath of a path that may not exist in the working tree (a file deleted since the ref): its nearest existing folder's,
 * plus the rest.
 */
function realpathLoose(p: string): string {
  const rest: string[] = [];
  let at = p;
  while (!existsSync(at)) {
    const up = path.dirname(at);
    if (up === at) return p;
    rest.unshift(path.basename(at));
    at = up;
  }
  return path.join(realpathSync(at), ...rest);
}

function existingFolder(p: string): string {
  let at = p;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}
