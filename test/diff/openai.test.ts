// The diff over each consecutive pair of the eight OpenAI specs: facts established by reading the
// specs themselves (see the comments), plus the totals per pair. Verdicts are given for the
// traits the diff's design proposes for the four targets (test doubles: the real targets declare
// their own `compat`).
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { irOf, OPENAI_SPECS } from "../helpers/generate.js";
import { allChanges, diffIr, judgesFor, type DiffResult } from "../../src/diff/index.js";
import type { ClassifiedChange } from "../../src/diff/change.js";
import type { TargetCompat } from "../../src/targets/target.js";

const COMMON: Omit<TargetCompat, "enumUnknownFallback" | "unionUnknownTagFallback"> = {
  uncheckedDecoding: false,
  ignoresUnknownFields: true,
  numbersShareOneType: false,
  integerFormatsShareOneType: false,
  stringFormatsShareOneType: true,
  optionalFieldAcceptsNull: true,
  checksConstraints: false,
};
const PROPOSED = judgesFor([
  { name: "typescript", compat: { ...COMMON, enumUnknownFallback: true, unionUnknownTagFallback: true, uncheckedDecoding: true, numbersShareOneType: true, integerFormatsShareOneType: true, optionalFieldAcceptsNull: false } },
  { name: "rust", compat: { ...COMMON, enumUnknownFallback: true, unionUnknownTagFallback: true } },
  { name: "elixir", compat: { ...COMMON, enumUnknownFallback: false, unionUnknownTagFallback: false, integerFormatsShareOneType: true, optionalFieldAcceptsNull: false } },
  { name: "scala", compat: { ...COMMON, enumUnknownFallback: true, unionUnknownTagFallback: false } },
]);

const name = (spec: string) => path.basename(spec, ".yaml").replace("openai-", "");
const PAIRS = OPENAI_SPECS.slice(1).map((next, i) => [OPENAI_SPECS[i]!, next] as const);
const results = new Map<string, DiffResult>();
/** The same pairs with component models only, so totals can be cross-checked against the specs' component keys. */
const componentResults = new Map<string, DiffResult>();
const COMPONENTS_ONLY = { models: { components: true, operations: false, parameters: false, webhooks: false } };
const S = "#/components/schemas/";

beforeAll(() => {
  for (const [a, b] of PAIRS) {
    results.set(`${name(a)} -> ${name(b)}`, diffIr(irOf(a), irOf(b), { judges: PROPOSED }));
    componentResults.set(`${name(a)} -> ${name(b)}`, diffIr(irOf(a, COMPONENTS_ONLY), irOf(b, COMPONENTS_ONLY), { judges: PROPOSED }));
  }
});

function find(pair: string, owner: string, where: string, check: string): ClassifiedChange {
  const r = results.get(pair)!;
  const hits = allChanges(r).filter((c) => (c.owner === S + owner || c.model === S + owner) && c.where === where && c.check === check);
  expect(hits, `${pair}: ${owner} ${where} ${check}`).toHaveLength(1);
  return hits[0]!;
}

function group(pair: string, groupName: string) {
  return results.get(pair)!.groups.find((g) => g.name === groupName);
}

describe("facts read from the specs", () => {
  const P1 = "2023-11-28 -> 2024-03-29";
  it(`${P1}: RunObject.last_error.code gains "invalid_prompt"; only Elixir's closed enum breaks decoding`, () => {
    // 2023-11-28: enum: ["server_error", "rate_limit_exceeded"]; 2024-03-29 adds "invalid_prompt".
    const c = find(P1, "RunObject", "last_error.code", "enum-value-added");
    expect(c.values).toEqual(["invalid_prompt"]);
    expect(c.responseBy).toEqual({ typescript: "safe", rust: "safe", elixir: "breaking", scala: "safe" });
    expect(c.requestBy).toEqual({ typescript: "safe", rust: "safe", elixir: "safe", scala: "safe" });
    expect(c.severity).toBe("breaking");
  });

  it(`${P1}: RunObject and RunStepObject gain a required, nullable usage`, () => {
    // RunStepObject.required gains "usage" ($ref RunStepCompletionUsage, nullable); RunObject likewise (RunCompletionUsage).
    expect(find(P1, "RunObject", "usage", "required-field-added").after).toBe("RunCompletionUsage | null");
    const step = find(P1, "RunStepObject", "usage", "required-field-added");
    expect(step.after).toBe("RunStepCompletionUsage | null");
    expect(Object.values(step.responseBy)).toEqual(["safe", "safe", "safe", "safe"]); // unknown keys are ignored
    expect(Object.values(step.requestBy)).toEqual(["breaking", "breaking", "breaking", "breaking"]);
  });

  it(`${P1}: the edits API models are removed; CreateTranscriptionResponse is renamed CreateTranscriptionResponseJson`, () => {
    expect(group(P1, "CreateEditRequest")?.status).toBe("removed");
    expect(group(P1, "CreateEditResponse")?.status).toBe("removed");
    expect(group(P1, "CreateTranscriptionResponseJson")).toMatchObject({ status: "renamed", oldName: "CreateTranscriptionResponse" });
  });

  it(`${P1}: CreateSpeechRequest.response_format gains wav and pcm`, () => {
    expect(find(P1, "CreateSpeechRequest", "response_format", "enum-value-added").values).toEqual(["wav", "pcm"]);
  });

  const P2 = "2024-03-29 -> 2024-06-24";
  it(`${P2}: RunObject.status gains "incomplete" and RunObject loses its required file_ids`, () => {
    expect(find(P2, "RunObject", "status", "enum-value-added").values).toEqual(["incomplete"]);
    const files = find(P2, "RunObject", "file_ids", "required-field-removed");
    expect(files.before).toBe("Array<string>");
    expect(Object.values(files.responseBy)).toEqual(["breaking", "breaking", "breaking", "breaking"]);
  });

  it(`${P2}: retrieval gives way to file_search in RunObject.tools; AssistantToolsRetrieval is removed`, () => {
    expect(find(P2, "RunObject", "tools.item", "union-variant-added").message).toBe('variant added: AssistantToolsFileSearch ("file_search")');
    expect(find(P2, "RunObject", "tools.item", "union-variant-removed").message).toBe('variant removed: AssistantToolsRetrieval ("retrieval")');
    expect(group(P2, "AssistantToolsRetrieval")?.status).toBe("removed");
  });

  const P3 = "2024-06-24 -> 2024-12-18";
  it(`${P3}: FinetuneChatRequestInput is renamed FineTuneChatRequestInput`, () => {
    expect(group(P3, "FineTuneChatRequestInput")).toMatchObject({ status: "renamed", oldName: "FinetuneChatRequestInput" });
    expect(group(P3, "FinetuneChatRequestInput")).toBeUndefined();
  });

  it(`${P3}: MessageObject.content items gain the refusal part; tagged unions keep unknown tags in TS and Rust only`, () => {
    const c = find(P3, "MessageObject", "content.item", "union-variant-added");
    expect(c.message).toBe('variant added: MessageContentRefusalObject ("refusal")');
    expect(c.responseBy).toEqual({ typescript: "safe", rust: "safe", elixir: "breaking", scala: "breaking" });
  });

  it(`${P3}: the seed's int64 bounds are compared as written (the newer spec writes the nearest double's digits)`, () => {
    const seed = allChanges(results.get(P3)!).filter((c) => c.owner === `${S}CreateChatCompletionRequest` && c.where === "seed");
    expect(seed.map((c) => `${c.check}: ${c.message}`).sort()).toEqual([
      "constraint-loosened: maximum 9223372036854775807 → 9223372036854776000",
      "constraint-loosened: minimum -9223372036854775808 → -9223372036854776000",
    ]);
  });

  const P4 = "2024-12-18 -> 2025-04-29";
  it(`${P4}: RunObject.metadata values narrow from any JSON to string (the Metadata component)`, () => {
    const c = find(P4, "RunObject", "metadata{}", "type-narrowed");
    expect(c.message).toBe("any → string");
    expect(Object.values(c.requestBy)).toEqual(["breaking", "breaking", "breaking", "breaking"]);
    find(P4, "RunStepObject", "metadata{}", "type-narrowed");
  });

  const P5 = "2025-04-29 -> 2026-05-13";
  it(`${P5}: ReasoningEffort gains none, minimal and xhigh; Coordinate becomes CoordParam`, () => {
    expect(find(P5, "ReasoningEffort", "", "enum-value-added").values).toEqual(["none", "minimal", "xhigh"]);
    expect(group(P5, "CoordParam")).toMatchObject({ status: "renamed", oldName: "Coordinate" });
  });

  it(`${P5}: realtime text events are renamed on the wire (a constant changed), AssistantObject is deprecated`, () => {
    const c = find(P5, "RealtimeServerEventResponseTextDelta", "type", "literal-changed");
    expect(c.message).toBe('"response.text.delta" → "response.output_text.delta"');
    expect(find(P5, "AssistantObject", "", "deprecated").severity).toBe("info");
  });

  const P6 = "2026-05-13 -> 2026-07-15";
  it(`${P6}: FileInputDetail gains "auto"; AdminApiKey gains a required expires_at`, () => {
    expect(find(P6, "FileInputDetail", "", "enum-value-added").values).toEqual(["auto"]);
    expect(find(P6, "AdminApiKey", "expires_at", "required-field-added").after).toBe("integer(unixtime) | null");
  });

  const P7 = "2026-07-15 -> 2026-08-21";
  it(`${P7}: Conversation-2 is renamed ResponseConversation; BetaServiceTier is removed`, () => {
    expect(group(P7, "ResponseConversation")).toMatchObject({ status: "renamed", oldName: "Conversation-2" });
    expect(group(P7, "BetaServiceTier")?.status).toBe("removed");
  });
});

describe("operation models are diffed like any other model", () => {
  const P = "2025-04-29 -> 2026-05-13";
  const op = (pointer: string) => allChanges(results.get(P)!).filter((c) => c.model === `#/paths/${pointer}` || c.owner === `#/paths/${pointer}`);

  it(`${P}: createBatch's inline request body gains an endpoint value`, () => {
    // paths./batches.post.requestBody: properties.endpoint.enum gains "/v1/moderations" among others.
    const added = op("~1batches/post/requestBody/content/application~1json/schema/properties/endpoint").filter((c) => c.check === "enum-value-added");
    expect(added).toHaveLength(1);
    expect(added[0]!.values!.length).toBeGreaterThan(0);
  });

  it(`${P}: a parameter added to an operation is a required field added to its params model`, () => {
    const c = op("~1organization~1projects~1{project_id}~1api_keys~1{api_key_id}/delete/parameters").filter((x) => x.check === "required-field-added");
    expect(c.map((x) => x.where)).toEqual(["api_key_id"]);
  });
});

describe("totals per pair", () => {
  // Recorded after reading each report; counts are [total, breaking, warning, info] and models
  // [added, removed, renamed, changed]. Cross-checked against the specs: added + renamed and
  // removed + renamed equal the component keys added and removed between the two files
  // (e.g. 2025-04-29 -> 2026-05-13: 506 keys added = 498 + 8, 24 removed = 16 + 8).
  const TOTALS: Record<string, { counts: number[]; models: number[] }> = {
    "2023-11-28 -> 2024-03-29": { counts: [70, 29, 2, 39], models: [27, 7, 2, 22] },
    "2024-03-29 -> 2024-06-24": { counts: [158, 56, 4, 98], models: [48, 9, 0, 28] },
    // Four of the infos: the seeds' int64 bounds, written -9223372036854775808 and 9223372036854775807
    // before and -9223372036854776000 and 9223372036854776000 after (wider by 192 and 193).
    "2024-06-24 -> 2024-12-18": { counts: [202, 47, 7, 148], models: [117, 2, 2, 35] },
    "2024-12-18 -> 2025-04-29": { counts: [364, 88, 28, 248], models: [198, 5, 0, 59] },
    "2025-04-29 -> 2026-05-13": { counts: [1145, 417, 57, 671], models: [498, 16, 8, 188] },
    "2026-05-13 -> 2026-07-15": { counts: [536, 38, 2, 496], models: [412, 0, 0, 79] },
    "2026-07-15 -> 2026-08-21": { counts: [239, 131, 10, 98], models: [52, 1, 3, 64] },
  };

  it.each(PAIRS.map(([a, b]) => `${name(a)} -> ${name(b)}`))("%s (component models)", (pair) => {
    const c = componentResults.get(pair)!.counts;
    expect({ counts: [c.total, c.breaking, c.warning, c.info], models: [c.modelsAdded, c.modelsRemoved, c.modelsRenamed, c.modelsChanged] }).toEqual(TOTALS[pair]);
  });

  // With operation models on (the default), the same pairs add the changes of request bodies,
  // responses and parameters: recorded after reading the reports.
  const WITH_OPERATIONS: Record<string, { counts: number[]; models: number[] }> = {
    "2023-11-28 -> 2024-03-29": { counts: [75, 32, 2, 41], models: [29, 10, 2, 22] },
    "2024-03-29 -> 2024-06-24": { counts: [183, 62, 4, 117], models: [66, 15, 0, 29] },
    "2024-06-24 -> 2024-12-18": { counts: [251, 47, 7, 197], models: [160, 2, 2, 39] },
    "2024-12-18 -> 2025-04-29": { counts: [399, 89, 28, 282], models: [230, 5, 0, 62] },
    "2025-04-29 -> 2026-05-13": { counts: [1255, 434, 58, 763], models: [581, 16, 8, 203] },
    "2026-05-13 -> 2026-07-15": { counts: [575, 38, 2, 535], models: [448, 0, 0, 82] },
    // The service-account key operation changed its operationId: its params model (same id) is renamed.
    "2026-07-15 -> 2026-08-21": { counts: [250, 131, 12, 107], models: [54, 1, 5, 71] },
  };

  it.each(PAIRS.map(([a, b]) => `${name(a)} -> ${name(b)}`))("%s (with operation models)", (pair) => {
    const c = results.get(pair)!.counts;
    const got = { counts: [c.total, c.breaking, c.warning, c.info], models: [c.modelsAdded, c.modelsRemoved, c.modelsRenamed, c.modelsChanged] };
    expect(got).toEqual(WITH_OPERATIONS[pair]);
  });

  it("is deterministic: the same pair twice gives the same result", () => {
    const [a, b] = PAIRS[0]!;
    expect(diffIr(irOf(a), irOf(b), { judges: PROPOSED })).toEqual(results.get(`${name(a)} -> ${name(b)}`));
  });
});
