// A cache file written back with most of its lines as the previous run wrote them (the normalizer's
// state, the YAML leaves: a line per root or leaf, a few changed after a one-schema edit). The
// lines kept are ranges of the bytes the run read, never decoded, joined and encoded again (for
// the 4.4 MB state of the 3 MB OpenAI spec, ~10 ms of each regeneration); consecutive lines of the
// read bytes are one range, consecutive new lines one encoded part, so the file is written in a
// handful of parts (each part is a write of its own).
const LF = 0x0a;
const NEWLINE = Buffer.from("\n");
const NONE = new Uint8Array(0);

export class LineParts {
  private readonly parts: Uint8Array[] = [];
  /** The range of `source` being extended (from -1: none). */
  private from = -1;
  private to = -1;
  /** New lines not encoded yet, and whether a line came before the first of them. */
  private fresh: string[] = [];
  private freshAfterLine = false;
  private lines = 0;

  /** `source`: the bytes the kept lines are ranges of (lines separated by "\n"). */
  constructor(private readonly source: Uint8Array = NONE) {}

  /** Adds the line `[start, end)` of the source (its line break left out). */
  copy(start: number, end: number): void {
    const follows = this.from !== -1 && start === this.to + 1 && this.source[this.to] === LF;
    if (follows) this.to = end;
    else {
      this.flush();
      // The line break before it is the source's own when one precedes it there.
      const withBreak = this.lines > 0 && start > 0 && this.source[start - 1] === LF;
      if (this.lines > 0 && !withBreak) this.parts.push(NEWLINE);
      this.from = withBreak ? start - 1 : start;
      this.to = end;
    }
    this.lines++;
  }

  /** Adds a new line (its text, without a line break). */
  write(line: string): void {
    if (this.from !== -1) this.flush();
    if (this.fresh.length === 0) this.freshAfterLine = this.lines > 0;
    this.fresh.push(line);
    this.lines++;
  }

  /** The lines so far, separated by "\n", as parts to write one after the other. */
  done(): Uint8Array[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.from !== -1) {
      this.parts.push(this.source.subarray(this.from, this.to));
      this.from = -1;
    }
    if (this.fresh.length) {
      this.parts.push(Buffer.from(`${this.freshAfterLine ? "\n" : ""}${this.fresh.join("\n")}`, "utf8"));
      this.fresh = [];
    }
  }
}
