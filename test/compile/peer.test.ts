// Checked against a peer: for every component schema of two real specs, and for every JSON
// request and response body of their operations (ours through the `operations` index, theirs
// through openapi-typescript's `operations`, `paths` and `webhooks`), our type and
// openapi-typescript's are mutually assignable, or the difference is a known, documented one
// (PEER_DIFFERENCES, detected in the peer's output or the raw spec and spread to every schema
// and body that contains an affected one), or it is listed here by name with its reason.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED } from "../helpers/generate.js";
import { comparePeer } from "./peer.js";

const ITEMS_WITHOUT_TYPE =
  "`modalities` has `items` but no `type: array`: we read it as an array of its items, openapi-typescript types it unknown";

const EXCEPTIONS: Record<string, Record<string, string>> = {
  "openai-2024-06-24.yaml": {},
  "openai-2026-08-21.yaml": {
    RealtimeTranscriptionSessionCreateResponse: ITEMS_WITHOUT_TYPE,
    RealtimeServerEventTranscriptionSessionUpdated: ITEMS_WITHOUT_TYPE,
    RealtimeBetaServerEventTranscriptionSessionCreated: ITEMS_WITHOUT_TYPE,
    RealtimeBetaServerEventTranscriptionSessionUpdated: ITEMS_WITHOUT_TYPE,
  },
};

/** Operation bodies (`<operation key> request` or `<operation key> <status>`) that differ for a reason not detected above. */
const OPERATION_EXCEPTIONS: Record<string, Record<string, string>> = {
  "openai-2024-06-24.yaml": {},
  "openai-2026-08-21.yaml": {},
};

describe.each(Object.keys(EXCEPTIONS))("%s against openapi-typescript", (file) => {
  it("every component schema and operation body is mutually assignable or a listed, explained difference", async () => {
    const r = await comparePeer(path.join(SHARED, "specs/openai", file), EXCEPTIONS[file]);
    expect(r.other, "diagnostics outside the assertions").toEqual([]);
    expect(r.schemas).toBeGreaterThan(100);
    const unexplained = r.differing.filter((name) => !r.explained.has(name)).sort();
    expect(unexplained).toEqual(Object.keys(EXCEPTIONS[file]!).sort());
    // Most schemas agree exactly; the explained ones carry a reason each.
    for (const [name, reason] of r.explained) expect(reason, name).not.toBe("");
    console.log(`${file}: ${r.schemas} schemas, ${r.schemas - r.differing.length} mutually assignable, ${r.explained.size} explained differences, ${unexplained.length} listed`);

    // Operation bodies: the same rule, with their own listed exceptions.
    expect(r.operationParts).toBeGreaterThan(50);
    const unexplainedParts = r.differingParts.filter((label) => !r.explainedParts.has(label)).sort();
    expect(unexplainedParts).toEqual(Object.keys(OPERATION_EXCEPTIONS[file]!).sort());
    for (const [label, reason] of r.explainedParts) expect(reason, label).not.toBe("");
    console.log(
      `${file}: ${r.operationParts} operation bodies, ${r.operationParts - r.differingParts.length} mutually assignable, ${r.explainedParts.size} explained differences, ${unexplainedParts.length} listed` +
        (r.skippedOperations.length ? `; ${r.skippedOperations.length} callbacks the peer does not type` : ""),
    );
    for (const label of unexplainedParts) console.log(`  ${label}: ${OPERATION_EXCEPTIONS[file]![label]}`);
  }, 300_000);
});
