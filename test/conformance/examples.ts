// The spec's own example responses: every operation's `x-oaiMeta.examples[].response` that parses
// as JSON, paired with the model of its 200 response (`$ref` to a component schema).
import { readFileSync } from "node:fs";
import jsyaml from "js-yaml";

export interface Example {
  /** `GET /threads/{thread_id}/runs/{run_id}` (operationId) #index */
  operation: string;
  /** Model id of the response schema, e.g. `#/components/schemas/RunObject`. */
  modelId: string;
  json: unknown;
}

export interface ExampleSet {
  examples: Example[];
  /** Responses that are not JSON text (streams, plain text, curl output). */
  notJson: number;
  /** JSON responses without a `$ref`'d JSON 200 schema to pair with. */
  unpaired: number;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function extractExamples(specFile: string): ExampleSet {
  const doc = jsyaml.load(readFileSync(specFile, "utf8"), { schema: jsyaml.CORE_SCHEMA }) as { paths?: Record<string, Record<string, unknown>> };
  const out: ExampleSet = { examples: [], notJson: 0, unpaired: 0 };
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const meta = op["x-oaiMeta"] as { examples?: unknown } | undefined;
      const list = Array.isArray(meta?.examples) ? meta!.examples : meta?.examples ? [meta.examples] : [];
      const modelId = responseModel(op);
      list.forEach((ex, i) => {
        const text = (ex as { response?: unknown })?.response;
        if (typeof text !== "string") return;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          out.notJson++;
          return;
        }
        if (!modelId) {
          out.unpaired++;
          return;
        }
        const name = typeof op.operationId === "string" ? ` (${op.operationId})` : "";
        out.examples.push({ operation: `${method.toUpperCase()} ${route}${name} #${i}`, modelId, json });
      });
    }
  }
  return out;
}

function responseModel(op: Record<string, unknown>): string | undefined {
  const responses = op.responses as Record<string, { content?: Record<string, { schema?: { $ref?: unknown } }> }> | undefined;
  const ok = responses?.["200"] ?? responses?.["201"];
  const ref = ok?.content?.["application/json"]?.schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref : undefined;
}
