// Where something was written in the spec: shared by the loader, which locates nodes, and the IR,
// which carries the location of every model and field for messages and doc comments.

/** Where a node was written: file (relative to the root spec's folder), 1-based line and column, JSON pointer. */
export interface SourceRef {
  file: string;
  line: number;
  col: number;
  pointer: string;
}
