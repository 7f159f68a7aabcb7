// The content hash (ir/content-hash.ts) of each model an IR snapshot was written from, kept in the
// cache folder beside the normalizer's state, so the next run takes the snapshot's element of every
// model whose content it did not change instead of making and comparing it again
// (diff/snapshot.ts, snapshotAgainst). The hashes belong to one snapshot text, named by its sha256
// as the output folder's manifest lists it, and to one build of the tool (an element's text is
// this build's way of writing a model): for any other text or build they read as nothing. Like
// every cache, they never change a result, only how much of it is made again.
import { CacheFile } from "../common/cache-files.js";
import { contentHash } from "../ir/content-hash.js";
import type { Model } from "../ir/types.js";

const FORMAT = "1";
/** The cache's kind (its file's name begins with it). */
export const ELEMENT_HASHES_KIND = "snapshot-hashes";

interface Stored {
  basis: string;
  snapshot: string;
  ids: string[];
  hashes: string[];
}

export class ElementHashesFile {
  private readonly cache: CacheFile;

  /** `basis`: the tool build (and anything else the elements' text depends on), as a hash. */
  constructor(
    dir: string,
    specPath: string,
    private readonly basis: string,
  ) {
    this.cache = new CacheFile(dir, ELEMENT_HASHES_KIND, specPath);
  }

  /** Model id -> content hash of the model its element of the snapshot `snapshotSha256` was written from, when recorded for it. */
  read(snapshotSha256: string | undefined): Map<string, string> | undefined {
    if (snapshotSha256 === undefined) return undefined;
    const text = this.cache.read(FORMAT);
    if (text === undefined) return undefined;
    let stored: Partial<Stored>;
    try {
      stored = JSON.parse(text) as Partial<Stored>;
    } catch {
      return undefined;
    }
    const { basis, snapshot, ids, hashes } = stored;
    if (basis !== this.basis || snapshot !== snapshotSha256 || !Array.isArray(ids) || !Array.isArray(hashes)) return undefined;
    if (ids.length !== hashes.length) return undefined;
    const byId = new Map<string, string>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const hash = hashes[i];
      if (typeof id !== "string" || typeof hash !== "string") return undefined;
      byId.set(id, hash);
    }
    return byId;
  }

  /** Records the content hash of each of `models`, the models of the snapshot whose text has `snapshotSha256`. */
  write(snapshotSha256: string, models: readonly Model[]): Promise<void> {
    const stored: Stored = { basis: this.basis, snapshot: snapshotSha256, ids: models.map((m) => m.id), hashes: models.map(contentHash) };
    return this.cache.write(FORMAT, JSON.stringify(stored));
  }
}
