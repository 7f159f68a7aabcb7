// Parses YAML or JSON text into plain values while recording source offsets, in the same walk
// that builds the values (no second pass over the tree). Offsets become line:col only on demand.
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node } from "yaml";

/** Offsets of one container: where it starts and where each child value starts. */
export interface ContainerPosition {
  at: number;
  children: Map<string, number>;
}

export interface ParsedSource {
  value: unknown;
  positions: WeakMap<object, ContainerPosition>;
  lineCol(offset: number): { line: number; col: number };
}

export class ParseFailure extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function parseSource(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, strict: false });
  const lineCol = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const { line, col } = lineCol(firstError.pos[0]);
    throw new ParseFailure(line, col, firstLine(firstError.message));
  }
  const positions = new WeakMap<object, ContainerPosition>();
  const converted = new Map<Node, unknown>();
  const value = toPlain(doc.contents as Node | null, doc, positions, converted);
  return { value, positions, lineCol };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function startOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return (typeof v === "symbol" && v.description === "<<") || (v === "<<" && key.type === "PLAIN");
}

function toPlain(
  node: Node | null,
  doc: Document,
  positions: WeakMap<object, ContainerPosition>,
  converted: Map<Node, unknown>,
): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? toPlain(target as Node, doc, positions, converted) : null;
  }
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === "bigint" ? Number(v) : v;
  }
  // Anchored collections are shared: convert once so aliases point at the same value.
  const seen = converted.get(node);
  if (seen !== undefined) return seen;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const children = new Map<string, number>();
    converted.set(node, out);
    positions.set(out, { at: startOf(node), children });
    const merges: unknown[] = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        merges.push(toPlain(pair.value as Node, doc, positions, converted));
        continue;
      }
      const key = isScalar(pair.key) ? String(pair.key.value) : String(toPlain(pair.key as Node, doc, positions, converted));
      out[key] = toPlain(pair.value as Node | null, doc, positions, converted);
      children.set(key, startOf((pair.value as Node | null) ?? (pair.key as Node)));
    }
    // YAML merge keys: explicit keys win, then earlier merged maps win over later ones.
    for (const merged of merges.flat()) {
      if (merged === null || typeof merged !== "object") continue;
      const from = positions.get(merged);
      for (const [k, v] of Object.entries(merged)) {
        if (k in out) continue;
        out[k] = v;
        const at = from?.children.get(k);
        if (at !== undefined) children.set(k, at);
      }
    }
    return out;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    const children = new Map<string, number>();
    converted.set(node, out);
    positions.set(out, { at: startOf(node), children });
    node.items.forEach((item, i) => {
      out.push(toPlain(item as Node | null, doc, positions, converted));
      children.set(String(i), startOf(item as Node));
    });
    return out;
  }
  return null;
}
