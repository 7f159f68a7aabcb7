// Rust: a workspace of one crate per set, `cargo check --offline` with warnings denied. The host's
// committed Cargo.lock is copied in, so no registry version is resolved anew (offline: nothing is
// downloaded); one cargo target folder under the temp dir is shared by every run, so serde is built once.
import { copyFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { packageRoot } from "../../../src/render/templates.js";
import { freshDir, writeAll } from "./files.js";
import { addError, runTool } from "./spawn.js";
import type { CompileRound, LanguageCompiler, RenderedSet } from "./types.js";

const TARGET_DIR = path.join(os.tmpdir(), "modelgen-fuzz-cargo-target");
const crate = (id: number) => `fuzz_set_${id}`;
/** `path+file:///…/fuzz_set_7#0.0.0` (cargo 1.77+) or `fuzz_set_7 0.0.0 (path+file://…)`. */
const SET_OF_PACKAGE = /fuzz_set_(\d+)\b/;

interface CargoMessage {
  reason?: string;
  package_id?: string;
  message?: { level?: string; message?: string; rendered?: string };
}

export const rustCompiler: LanguageCompiler = {
  lang: "rust",
  commands: ["cargo", "rustc"],
  options: (id) => ({ crateName: crate(id), crateVersion: "0.0.0" }),
  // --keep-going checks every crate even when one fails, and crates do not depend on each other.
  isolatesSets: true,
  compile(sets: RenderedSet[], work: string): CompileRound {
    freshDir(work);
    writeFileSync(path.join(work, "Cargo.toml"), '[workspace]\nmembers = ["fuzz_set_*"]\nresolver = "2"\n');
    copyFileSync(path.join(packageRoot(), "test/hosts/rust/Cargo.lock"), path.join(work, "Cargo.lock"));
    for (const s of sets) writeAll(path.join(work, crate(s.id)), s.files);
    const r = runTool("cargo", ["check", "--workspace", "--offline", "--keep-going", "-j2", "--message-format=json"], work, {
      CARGO_TARGET_DIR: TARGET_DIR,
      RUSTFLAGS: "-D warnings",
      CARGO_INCREMENTAL: "0",
      CARGO_TERM_COLOR: "never",
    });
    const errors = new Map<number, string[]>();
    for (const line of r.stdout.split("\n")) {
      if (!line.startsWith("{")) continue;
      const m = JSON.parse(line) as CargoMessage;
      if (m.reason !== "compiler-message" || m.message?.level !== "error") continue;
      if (/^aborting due to/.test(m.message.message ?? "")) continue;
      const id = SET_OF_PACKAGE.exec(m.package_id ?? "")?.[1];
      const text = (m.message.rendered ?? m.message.message ?? "").trimEnd();
      if (id !== undefined) addError(errors, Number(id), text);
    }
    // cargo's own errors (a lock file it cannot use offline, a manifest it cannot read) name no set.
    const own = r.stderr.split("\n").filter((l) => /^error/.test(l) && !/could not compile `fuzz_set_\d+`/.test(l));
    const output = r.status === 0 ? "" : own.join("\n") || (errors.size ? "" : r.stderr.slice(-4000));
    return { ok: r.status === 0, errors, output, seconds: r.seconds };
  },
};
