// Reads the root document and, lazily, every file a $ref names. Resolves references and
// answers "where was this written" for any value of any loaded document.
import path from "node:path";
import { ParseFailure, parseSource, type ParsedSource, type TextHistory } from "./parse-source.js";
import { textWithoutBomOrCr } from "../common/text-encodings.js";
import { readSpecFile, type TextBytes } from "./scanned-text.js";
import type { LeafStore } from "./chunked-yaml.js";
import { SpecError } from "../common/errors.js";
import { compareStrings } from "../common/order.js";
import { appendPointer, fragmentToPointer, lookupPointer } from "./pointer.js";
import { detectDialect, type Dialect } from "./dialect.js";
import type { SourceRef } from "../common/source.js";
import { integerItemsAt, integerTextAt, isInexactInteger } from "./integer-text.js";

export interface SourceDocument extends ParsedSource {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the root document's folder, with '/' separators; used in ids and messages. */
  file: string;
}

/**
 * Reads one file's text by absolute path: as a string, or as its bytes (scanned-text.ts), which the
 * reader scans or decodes as it needs.
 */
export type ReadSource = (absPath: string) => string | TextBytes;

/** A resolved reference: the document it lands in and the pointer inside it. */
export interface RefTarget {
  doc: SourceDocument;
  pointer: string;
  value: unknown;
}

export class SpecSet {
  readonly root: SourceDocument;
  readonly dialect: Dialect;
  private readonly docs = new Map<string, SourceDocument>();
  private readonly baseDir: string;

  /**
   * `leaves`: YAML read by earlier runs, reused where the text is the same; `history`: what the
   * previous run kept of a file's text (parse-source.ts). The result is the same without either.
   */
  constructor(
    rootPath: string,
    readText: ReadSource = readSpecFile,
    private readonly leaves?: LeafStore,
    private readonly history?: (absPath: string, bytes: Uint8Array) => TextHistory | undefined,
  ) {
    this.readText = readText;
    const absRoot = path.resolve(rootPath);
    this.baseDir = path.dirname(absRoot);
    this.root = this.open(absRoot, undefined);
    this.dialect = detectDialect(this.root);
  }

  private readonly readText: ReadSource;

  /** Loads (once) the document at `absPath`; `from` says which $ref asked for it, for the error. */
  private open(
    absPath: string,
    from: { doc: SourceDocument; container: object; key: string; pointer: string } | undefined,
  ): SourceDocument {
    const cached = this.docs.get(absPath);
    if (cached) return cached;
    const file = this.relative(absPath);
    let text: string | TextBytes;
    try {
      text = this.readText(absPath);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message;
      if (from)
        throw new SpecError(
          this.locate(from.doc, from.container, from.key, from.pointer),
          `cannot read referenced file ${file}: ${reason}`,
        );
      throw new SpecError({ file }, `cannot read spec: ${reason}`);
    }
    // Decoded by its encoding, read without a leading BOM and with LF line breaks (the same values and lines).
    const source = typeof text === "string" ? textWithoutBomOrCr(text) : text.forReading();
    let parsed: ParsedSource;
    try {
      const history = typeof source === "string" ? undefined : this.history?.(absPath, source.content);
      parsed = parseSource(source, this.leaves, undefined, history);
    } catch (e) {
      if (e instanceof ParseFailure) {
        const what = e.malformed ? `malformed ${/\.json$/i.test(file) ? "JSON" : "YAML"}: ` : "";
        throw new SpecError({ file, line: e.line, col: e.col }, `${what}${e.detail}`);
      }
      throw e;
    }
    // Assigned, not spread: a spread would read the parsed text's getter (decoding a scanned text).
    const doc: SourceDocument = Object.assign(parsed, { absPath, file });
    this.docs.set(absPath, doc);
    return doc;
  }

  /** A path as messages and ids name it: relative to the root document's folder, '/'-separated. */
  relativeName(absPath: string): string {
    return this.relative(absPath);
  }

  private relative(absPath: string): string {
    const rel = path.relative(this.baseDir, absPath).split(path.sep).join("/");
    return rel === "" ? path.basename(absPath) : rel;
  }

  /**
   * Where `container[key]` (or the container itself) was written. A value an overlay put there is
   * found in the overlay's file (the pointer stays the one in the spec).
   */
  locate(doc: SourceDocument, container: unknown, key?: string, pointer = ""): SourceRef {
    if (container === null || typeof container !== "object") return { file: doc.file, line: 1, col: 1, pointer };
    const { doc: at, offset } = this.written(doc, container, key);
    const { line, col } = offset !== undefined ? at.lineCol(offset) : { line: 1, col: 1 };
    return { file: at.file, line, col, pointer };
  }

  /**
   * The digits written for `container[key]`, an integer a double does not hold exactly
   * (integer-text.ts); undefined for any other value, or when the text there does not spell it.
   */
  integerText(doc: SourceDocument, container: object, key: string, value: unknown): string | undefined {
    if (!isInexactInteger(value)) return undefined;
    const { doc: at, offset } = this.written(doc, container, key);
    const digits = offset === undefined ? undefined : integerTextAt(at.asciiText, offset, key, value);
    // The double's own spelling needs no digits beside it (a spec may write 9223372036854776000 itself).
    return digits === String(value) ? undefined : digits;
  }

  /**
   * The digits written for each item of `sequence` (an `enum`) that is an integer a double does not
   * hold exactly (integer-text.ts); undefined when it has none, or the text does not spell one.
   */
  integerItems(doc: SourceDocument, sequence: readonly unknown[]): (string | undefined)[] | undefined {
    if (!sequence.some(isInexactInteger)) return undefined;
    const { doc: at, offset } = this.written(doc, sequence, undefined);
    if (offset === undefined) return undefined;
    const digits = integerItemsAt(at.asciiText, offset, sequence).map((d, i) => (d === String(sequence[i]) ? undefined : d));
    return digits.some((d) => d !== undefined) ? digits : undefined;
  }

  /** The document and offset where `container[key]` (or the container itself) was written: the spec's own, or an overlay's. */
  private written(doc: SourceDocument, container: object, key: string | undefined): { doc: SourceDocument; offset: number | undefined } {
    const fromOverlay = key !== undefined ? this.overlayKeys.get(container)?.get(key) : undefined;
    if (fromOverlay) return { doc: fromOverlay.doc, offset: fromOverlay.doc.offsetOf(fromOverlay.update, key!) };
    const own = key !== undefined ? doc.offsetOf(container, key) : doc.startOf(container);
    if (own !== undefined || this.overlays.length === 0) return { doc, offset: own };
    const overlay = this.overlays.find((o) => o.startOf(container) !== undefined);
    if (!overlay) return { doc, offset: undefined };
    return { doc: overlay, offset: key !== undefined ? overlay.offsetOf(container, key) : overlay.startOf(container) };
  }

  private readonly overlays: SourceDocument[] = [];
  /** Each overlay file's bytes as read (what the run's fingerprint hashes), by absolute path. */
  private readonly overlayBytes = new Map<string, Uint8Array>();
  /** Keys an overlay set on a spec object: where the overlay wrote them. */
  private readonly overlayKeys = new WeakMap<object, Map<string, { doc: SourceDocument; update: object }>>();

  /** An overlay document, so positions of what it adds can be found, and the bytes its text was decoded from. */
  addOverlayDocument(doc: SourceDocument, bytes: Uint8Array): void {
    this.overlays.push(doc);
    this.overlayBytes.set(doc.absPath, bytes);
  }

  /** The bytes an overlay file's text was decoded from, when it was read by this run. */
  overlayBytesOf(absPath: string): Uint8Array | undefined {
    return this.overlayBytes.get(absPath);
  }

  /** `container[key]` was set by an overlay, from its `update` object. */
  recordOverlayKey(container: object, key: string, doc: SourceDocument, update: object): void {
    let keys = this.overlayKeys.get(container);
    if (!keys) this.overlayKeys.set(container, (keys = new Map()));
    keys.set(key, { doc, update });
  }

  /** Every overlay file read, in order. */
  overlayFiles(): string[] {
    return this.overlays.map((o) => o.absPath);
  }

  /**
   * Loads every file the spec's `$ref`s name, transitively (normally files load as references are
   * resolved), so that overlays can address all of them.
   */
  loadReferencedFiles(): void {
    const queue = [...this.docs.values()];
    const seen = new Set(queue);
    while (queue.length) {
      const doc = queue.shift()!;
      const visit = (value: unknown, pointer: string): void => {
        if (value === null || typeof value !== "object") return;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) visit(value[i], appendPointer(pointer, i));
          return;
        }
        const obj = value as Record<string, unknown>;
        const ref = obj.$ref;
        if (typeof ref === "string" && !ref.startsWith("#")) {
          const target = this.resolve(ref, doc, obj, pointer).doc;
          if (!seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
        // Examples and extensions are data: a `$ref` key there is not a reference.
        const keys = Object.keys(obj);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          if (k !== "example" && !k.startsWith("x-")) visit(obj[k], appendPointer(pointer, k));
        }
      };
      visit(doc.value, "");
    }
  }

  /**
   * Resolves `ref` written at `container[key]` (pointer `at`) in `doc`.
   * Relative file parts resolve against the referencing document's folder.
   */
  resolve(ref: string, doc: SourceDocument, container: object, at: string): RefTarget {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      throw new SpecError(this.locate(doc, container, "$ref", at), `remote $ref "${ref}" is not supported (only local files)`);
    }
    const target =
      filePart === ""
        ? doc
        : this.open(path.resolve(path.dirname(doc.absPath), decodeURIComponent(filePart)), { doc, container, key: "$ref", pointer: at });
    const pointer = fragmentToPointer(fragment);
    if (pointer !== "" && !pointer.startsWith("/")) {
      throw new SpecError(this.locate(doc, container, "$ref", at), `$ref "${ref}" has a fragment that is not a JSON pointer`);
    }
    const found = lookupPointer(target.value, pointer);
    if (!found.found) {
      throw new SpecError(
        this.locate(doc, container, "$ref", at),
        `$ref "${ref}" does not resolve: nothing at ${target.file}#${found.missingAt}`,
      );
    }
    return { doc: target, pointer, value: found.value };
  }

  /** The id of the schema at `pointer` in `doc`: the pointer, prefixed with the file when not the root. */
  idOf(doc: SourceDocument, pointer: string): string {
    return doc === this.root ? `#${pointer}` : `${doc.file}#${pointer}`;
  }

  /** Every document loaded so far, root first, then by path. */
  documents(): SourceDocument[] {
    return [...this.docs.values()].sort((a, b) => (a === this.root ? -1 : b === this.root ? 1 : compareStrings(a.file, b.file)));
  }
}
