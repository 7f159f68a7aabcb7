// The hashes a run compares with what an earlier run stored (output files, spec text, cache keys
// and leaves): change detection within one project, not a defence against an adversary.
import { lazyPackage, nodeModule } from "./lazy-package.js";

// Not imported: the boot (src/boot/code-cache.ts) hashes with this module as ES module code (see nodeModule).
const crypto = nodeModule<typeof import("node:crypto")>("node:crypto");

type Encoding = "hex" | "base64";

/**
 * Node 20.12's one-shot `crypto.hash`: a fifth to a half less time than a Hash object per small text
 * (a run over a large spec hashes thousands). Earlier Node 20 releases (package.json allows them)
 * lack it and build the Hash object.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: Encoding) => string }).hash;

function digest(algorithm: "sha1" | "sha256", data: string | Uint8Array, encoding: Encoding): string {
  return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}

/** sha256 in hex: what manifests list for files and what fingerprints are made of. */
export function sha256(data: string | Uint8Array): string {
  return digest("sha256", data, "hex");
}

/** sha1 in base64: shorter keys for texts compared only with their own earlier text (YAML leaves, spec units, cache files). */
export function sha1Base64(data: string | Uint8Array): string {
  return digest("sha1", data, "base64");
}

/**
 * Node 20.15's `zlib.crc32` (earlier Node 20 releases, which package.json allows, lack it): a third of
 * sha1's time over the megabytes of a cache file.
 */
const zlib = lazyPackage<{ crc32?: (data: Uint8Array, value?: number) => number }>("node:zlib");

/**
 * A check that bytes are the ones written (a file cut short, damaged on disk or edited), named by
 * its algorithm: CRC-32 where Node has it, else sha1. For the caches' own files only, which never
 * decide a result; never for telling contents apart (sha1Base64, sha256). Bytes in parts check as
 * the same bytes joined. `knownCrc`: their CRC-32 as another thread took it with the same zlib
 * (common/read-ahead.ts), used where this thread would compute one.
 */
export function checksum(data: Uint8Array | readonly Uint8Array[], knownCrc?: number): string {
  const parts = data instanceof Uint8Array ? [data] : data;
  const crc32 = zlib().crc32;
  if (crc32) {
    if (knownCrc !== undefined) return `crc32:${knownCrc.toString(16)}`;
    let crc = 0;
    for (const part of parts) crc = crc32(part, crc);
    return `crc32:${crc.toString(16)}`;
  }
  const hash = crypto.createHash("sha1");
  for (const part of parts) hash.update(part);
  return `sha1:${hash.digest("base64")}`;
}
