// A template's output is built by thousands of `+=`: V8 keeps it as a rope (a tree of pieces, each
// a heap object) until something reads it whole. Rendered files are held until every target has
// rendered, so their ropes would outlive the young generation and be copied into the old one; flat,
// a file costs one string of its own length (about 30 MB less peak RSS on the 3 MB OpenAI spec,
// measured), and the pieces die young. Hashing and writing read it flat anyway, so no work is added.

/** Kept so the conversion below is never optimized away as unused. */
let readAsNumber = 0;

/** The same text, flattened: converting a string to a number makes V8 flatten it first. */
export function flattened(text: string): string {
  readAsNumber = Number(text) || readAsNumber;
  return text;
}
