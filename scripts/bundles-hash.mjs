// The bundles' own hash (src/emit/fingerprint.ts): a run takes it as its code's identity instead of
// reading and hashing ~1.4 MB of dist/ at every start. esbuild writes HASH_PLACEHOLDER where the
// source reads MODELGEN_BUNDLES_HASH; once the bundles are built, the placeholder in each is
// replaced by the sha256 of them all as built (placeholder in, in path order). A bundle changed in
// any byte gets another hash; the same build always gets the same one.
import { createHash } from "node:crypto";

/** As long as a sha256 in hex, so the source maps' columns stay right. */
export const HASH_PLACEHOLDER = `modelgen-bundles-hash-${"0".repeat(42)}`;

/** The sha256 of `bundles` (their contents as built, placeholder in), in path order. */
export function bundlesHash(bundles) {
  const hash = createHash("sha256");
  for (const b of [...bundles].sort((x, y) => (x.path < y.path ? -1 : 1))) hash.update(b.contents);
  return hash.digest("hex");
}

/** The build's output files (`{ path, contents }`), the bundles (.js and .cjs) with the hash in place of the placeholder. */
export function withBundlesHash(files) {
  const isBundle = (f) => f.path.endsWith(".js") || f.path.endsWith(".cjs");
  const digest = bundlesHash(files.filter(isBundle));
  if (digest.length !== HASH_PLACEHOLDER.length) throw new Error("build: the placeholder must be as long as the hash");
  return files.map((f) =>
    isBundle(f) ? { path: f.path, contents: Buffer.from(Buffer.from(f.contents).toString("utf8").replaceAll(HASH_PLACEHOLDER, digest)) } : f,
  );
}
