// Test helper: a member's lines as the `doc_comment` and `declaration` partials write them (the
// view gives the doc comment as text; the template lays out its `/**`, ` * ` and ` */`).
import type { MemberView } from "../../../src/targets/typescript/view.js";

export function memberText(m: MemberView): string[] {
  const comment = m.doc.length ? [`${m.indent}/**`, ...m.doc.map((l) => (l ? `${m.indent} * ${l}` : `${m.indent} *`)), `${m.indent} */`] : [];
  return [...comment, ...m.lines];
}
