// The language-independent half of the conformance suite: the spec's own example responses,
// paired with their response models, and judged against the IR. A problem found here means the
// example contradicts the spec; a language that fails an example judged clean is our bug.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexModels } from "../../src/ir/query.js";
import { irOf, SHARED } from "../helpers/generate.js";
import { extractExamples } from "./examples.js";
import { validate } from "./validate.js";

const EXPECTED = {
  "openai-2024-06-24.yaml": { paired: 48, notJson: 33, unpaired: 2, omitRequiredStrict: 23, contradictLenient: 18 },
  "openai-2026-08-21.yaml": { paired: 233, notJson: 53, unpaired: 11, omitRequiredStrict: 67, contradictLenient: 69 },
};

describe.each(Object.entries(EXPECTED))("%s examples", (file, want) => {
  const spec = path.join(SHARED, "specs/openai", file);

  it("are extracted, paired and judged", () => {
    const set = extractExamples(spec);
    const models = indexModels(irOf(spec).models);
    const judge = (json: unknown, id: string, presence: "strict" | "lenient") => validate(json, { kind: "ref", target: id }, models, presence);
    const omitRequired = set.examples.filter((ex) => judge(ex.json, ex.modelId, "strict").some((p) => p.reason === "required field is missing"));
    const contradict = set.examples.filter((ex) => judge(ex.json, ex.modelId, "lenient").length > 0);
    expect({
      paired: set.examples.length,
      notJson: set.notJson,
      unpaired: set.unpaired,
      omitRequiredStrict: omitRequired.length,
      contradictLenient: contradict.length,
    }).toEqual(want);
  });
});

it("names the field, the reason and the smallest fix", () => {
  const spec = path.join(SHARED, "specs/openai/openai-2024-06-24.yaml");
  const models = indexModels(irOf(spec).models);
  const run = extractExamples(spec).examples.find((ex) => ex.operation.includes("(createRun)"))!;
  expect(validate(run.json, { kind: "ref", target: run.modelId }, models, "lenient")).toEqual([
    {
      pointer: "/instructions",
      reason: "null where the spec does not allow it",
      fix: { kind: "nullable", field: "RunObject.instructions", schema: { file: "openai-2024-06-24.yaml", line: 10837, col: 21, pointer: "/components/schemas/RunObject/properties/instructions" } },
    },
  ]);
});
