// The text a run prints about its IR: where the models came from, the degradation report, and
// how a place in a spec file is written (file:line:col #pointer).
import { describe, expect, it } from "vitest";
import { formatOrigins, formatReport } from "../../src/ir/report.js";
import { formatLocated, type ErrorLocation } from "../../src/common/errors.js";
import type { Degradation, Model, ModelOrigin } from "../../src/ir/types.js";

const withOrigin = (origin: ModelOrigin | undefined) => ({ ...(origin ? { origin } : {}) }) as Model;

describe("formatOrigins", () => {
  it.each<{ name: string; given: (ModelOrigin | undefined)[]; want: string }>([
    { name: "no models", given: [], want: "0 models: 0 from components, 0 from operations, 0 from other files" },
    { name: "components only", given: [undefined, undefined], want: "2 models: 2 from components, 0 from operations, 0 from other files" },
    {
      name: "operations, parameters counted apart",
      given: [undefined, "operation", "parameters", "parameters"],
      want: "4 models: 1 from components, 3 from operations (2 of parameters), 0 from other files",
    },
    {
      name: "webhooks and other files",
      given: ["webhook", "file", "parameters", "operation"],
      want: "4 models: 0 from components, 3 from operations (1 of parameters, 1 of webhooks), 1 from other files",
    },
  ])("$name", ({ given, want }) => {
    expect(formatOrigins(given.map(withOrigin))).toBe(want);
  });
});

describe("formatLocated", () => {
  it.each<{ name: string; given: ErrorLocation; want: string }>([
    { name: "file, line, column and pointer", given: { file: "spec.yaml", line: 3, col: 7, pointer: "/paths/~1pets" }, want: "spec.yaml:3:7 #/paths/~1pets: bad" },
    { name: "the document root", given: { file: "spec.yaml", line: 1, col: 1, pointer: "" }, want: "spec.yaml:1:1 #: bad" },
    { name: "no column", given: { file: "spec.yaml", line: 9 }, want: "spec.yaml:9:1: bad" },
    { name: "a file only", given: { file: "spec.yaml" }, want: "spec.yaml: bad" },
  ])("$name", ({ given, want }) => {
    expect(formatLocated(given, "bad")).toBe(want);
  });
});

describe("formatReport", () => {
  it("lists each degradation on a located line under a count", () => {
    const report: Degradation[] = [
      { kind: "unsupported-keyword", message: "`not` is ignored", source: { file: "a.yaml", line: 4, col: 9, pointer: "/components/schemas/A" } },
      { kind: "unresolved-discriminator", message: "no tag value", source: { file: "b.yaml", line: 1, col: 1, pointer: "" } },
    ];
    expect(formatReport(report)).toBe(
      "degradation report (2):\n" +
        "  a.yaml:4:9 #/components/schemas/A: unsupported-keyword: `not` is ignored\n" +
        "  b.yaml:1:1 #: unresolved-discriminator: no tag value\n",
    );
  });
});
