// Frames (src/ir/normalize/incremental/frames.ts): a component schema a root builds through a `$ref`
// is taken from the root's previous record when the root is built again and the frame's walk would
// repeat, never otherwise. Each case compares with a cold normalize: the IR and the state's text
// must be the same, and whether frames were taken is checked both ways (references back up the
// walk, ids asked about, units read, damaged frames).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SpecSet } from "../../../src/load/loader.js";
import { normalizeWith } from "../../../src/ir/normalize/index.js";
import { stateRecords } from "../../../src/ir/normalize/incremental/walk.js";

const FILE = "/virtual/openapi.yaml";

function run(text: string, previous?: unknown) {
  const out = normalizeWith(new SpecSet(FILE, () => text), {}, { basis: "test", previous });
  return { ...out, state: out.state?.text() };
}

/** The incremental run after `edited` from `text`'s state, checked against a cold run of `edited`. */
function regenerate(text: string, edited: string) {
  expect(edited).not.toBe(text);
  const first = run(text);
  const cold = run(edited);
  const again = run(edited, Buffer.from(first.state!, "latin1"));
  expect(JSON.stringify(again.ir)).toBe(JSON.stringify(cold.ir));
  expect(again.ir).toStrictEqual(cold.ir);
  expect(again.state).toBe(cold.state);
  return again;
}

const spec = (schemas: string) => `openapi: 3.1.0
info:
  title: frames
  version: "1"
paths: {}
components:
  schemas:
${schemas}`;

// Event is the first root: it builds Thread (which refers back to Event, being built) and Node
// (which refers to itself) as frames, and Label inside Node.
const EVENTS = spec(`    Event:
      oneOf:
        - $ref: '#/components/schemas/Thread'
        - $ref: '#/components/schemas/Node'
    Thread:
      type: object
      properties:
        id:
          type: string
        parent:
          $ref: '#/components/schemas/Event'
    Node:
      type: object
      properties:
        next:
          $ref: '#/components/schemas/Node'
        label:
          $ref: '#/components/schemas/Label'
    Label:
      type: string
      description: a label
`);

describe("frames", () => {
  it("are recorded with the root that builds them, and read back", () => {
    const state = run(EVENTS).state!;
    const records = stateRecords(state, FILE);
    expect(records.get("/components/schemas/Event")!.models.map((m) => m.id)).toContain("#/components/schemas/Label");
    const line = state.split("\n").find((l) => l.startsWith('"/components/schemas/Event"'))!;
    // Its frames after the third tab (before the rest of the record): Thread, Label and Node, in the order they ended.
    const frames = JSON.parse(line.split("\t")[2]!) as [string][];
    expect(frames.map((f) => f[0])).toEqual(["#/components/schemas/Thread", "#/components/schemas/Label", "#/components/schemas/Node"]);
  });

  it("are taken when the root is built again for a change elsewhere in it, a reference back to the root included", () => {
    // Node's text changes: Event reads it, so Event is built again; Thread (which refers back to
    // Event, being built then as now) and Label are taken, Node is walked again.
    const edited = EVENTS.replace("        next:\n", "        count:\n          type: integer\n        next:\n");
    const again = regenerate(EVENTS, edited);
    expect(again.reusedFrames).toBe(2);
  });

  it("are taken in another order when they would walk the same, and walked again when what they refer back to is not being built", () => {
    // Event's own text changes (its variants swap): Event is built again and enters Node first,
    // which would repeat and is taken; Thread read Event's text (its reference back resolves
    // there), which changed: it is walked again.
    const swapped = EVENTS.replace(
      "        - $ref: '#/components/schemas/Thread'\n        - $ref: '#/components/schemas/Node'",
      "        - $ref: '#/components/schemas/Node'\n        - $ref: '#/components/schemas/Thread'",
    );
    expect(regenerate(EVENTS, swapped).reusedFrames).toBe(1);
    // A cycle between two frames: entered the other way round, each finds the other being built
    // where it had found it missing (or the reverse): neither is taken.
    const pair = spec(`    Root:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
    A:
      type: object
      properties:
        b:
          $ref: '#/components/schemas/B'
    B:
      type: object
      properties:
        a:
          $ref: '#/components/schemas/A'
`);
    const reversed = pair.replace(
      "        - $ref: '#/components/schemas/A'\n        - $ref: '#/components/schemas/B'",
      "        - $ref: '#/components/schemas/B'\n        - $ref: '#/components/schemas/A'",
    );
    expect(regenerate(pair, reversed).reusedFrames).toBe(0);
  });

  it("are walked again when an id they asked about exists now where it did not", () => {
    // A new root before Event builds Label first: Node's frame had found Label missing and built
    // it, so it is walked again (and finds it built); Thread, which never asked about Label, is taken.
    const early = EVENTS.replace(
      "    Event:\n",
      "    Early:\n      type: object\n      properties:\n        label:\n          $ref: '#/components/schemas/Label'\n    Event:\n",
    );
    expect(regenerate(EVENTS, early).reusedFrames).toBe(1);
  });

  it.each([
    ["text that does not parse", (line: string) => line.replace(/\t\[\[/, "\t[[[")],
    [
      "a frame whose own model is not the last of its range",
      (line: string) => line.replace(/(\["#\/components\/schemas\/Thread",\d+,)(\d+)/, (_, head: string, end: string) => `${head}${Number(end) + 1}`),
    ],
  ])("damaged in the stored line (%s), are not taken: the root is walked whole", (_, damage) => {
    const first = run(EVENTS).state!;
    const line = first.split("\n").find((l) => l.startsWith('"/components/schemas/Event"'))!;
    const damaged = first.replace(line, damage(line));
    expect(damaged).not.toBe(first);
    const edited = EVENTS.replace("        next:\n", "        count:\n          type: integer\n        next:\n");
    const cold = run(edited);
    const again = run(edited, damaged);
    expect(again.reusedFrames).toBe(0);
    expect(JSON.stringify(again.ir)).toBe(JSON.stringify(cold.ir));
    expect(again.state).toBe(cold.state);
  });

  it("of the OpenAI spec: a field added to each of nine schemas built inside other roots (one in sixty) gives the cold run's IR and state", () => {
    const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
    const first = run(text).state!;
    // Schemas whose model a root other than their own built (a frame), every 60th of them in the state's order.
    const nested: string[] = [];
    for (const [root, record] of stateRecords(first, FILE))
      for (const m of record.models) {
        const name = /^#\/components\/schemas\/(\w+)$/.exec(m.id)?.[1];
        if (name && root !== `/components/schemas/${name}`) nested.push(name);
      }
    let edits = 0;
    let taken = 0;
    for (const name of nested.filter((_, i) => i % 60 === 0)) {
      const head = `\n    ${name}:\n`;
      const start = text.indexOf(head);
      const properties = text.indexOf("\n      properties:\n", start);
      const next = text.slice(start + head.length).search(/\n {4}\S/);
      if (start === -1 || properties === -1 || properties > start + head.length + next) continue;
      const at = properties + "\n      properties:\n".length;
      const edited = `${text.slice(0, at)}        frames_test_note:\n          type: string\n${text.slice(at)}`;
      const cold = run(edited);
      const again = run(edited, Buffer.from(first, "latin1"));
      expect(JSON.stringify(again.ir), name).toBe(JSON.stringify(cold.ir));
      expect(again.state, name).toBe(cold.state);
      edits++;
      taken += again.reusedFrames ?? 0;
    }
    expect(edits).toBeGreaterThanOrEqual(8);
    expect(taken).toBeGreaterThan(edits);
  });

  it("of the OpenAI spec: a field added to RunObject walks again only the frames that reached it", () => {
    const text = readFileSync(new URL("../../../../shared/specs/openai/openai-2026-08-21.yaml", import.meta.url), "utf8");
    const marker = "    RunObject:\n      type: object\n";
    const edited = text.replace(marker, `${marker}      x-note: a field added\n`);
    const again = regenerate(text, edited);
    // AssistantStreamEvent builds RunObject first, with the other stream events and their objects.
    expect(again.reusedFrames).toBeGreaterThan(5);
  });
});
