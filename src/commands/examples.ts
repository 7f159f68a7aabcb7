// `openapi-modelgen examples <spec> [--samples <dir>] [--overlay <out.yaml>]`: judges the spec's
// own example responses (and payloads the user recorded) against the models, and writes an
// Overlay 1.0 document with the smallest changes that make the spec agree with them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { yaml } from "../common/lazy-yaml.js";
import { loadConfig, parsePresence } from "../config.js";
import { UsageError } from "../common/errors.js";
import { parseCommandArgs } from "./args.js";
import { SpecSet } from "../load/loader.js";
import { applyOverlays } from "../load/overlay.js";
import { normalize } from "../ir/normalize/index.js";
import { indexModels } from "../ir/query.js";
import { TARGET_NAMES } from "../targets/registry.js";
import type { PresencePolicy } from "../targets/target.js";
import { judge, type Problem } from "../examples/judge.js";
import { samplePayloads, specExamples, type Payload } from "../examples/extract.js";
import { learnOverlay, type Finding, type LearnedOverlay } from "../examples/learn.js";

const EXAMPLES_HELP = `Usage: openapi-modelgen examples <spec> [options]

Judges the spec's example responses (response \`example\`/\`examples\`, OpenAI's x-oaiMeta examples)
and, with --samples, payloads you recorded, against the models; reports every place they
contradict the spec and the smallest changes that would make it agree: null admitted, a name
dropped from \`required\`, an enum value added, a type widened to what was seen.

Options:
  --samples <dir>   recorded payloads: <ModelName>*.json files, or *.jsonl lines of { "model", "payload" }
  --overlay <file>  write the changes as an OpenAPI Overlay 1.0 document (an empty one when nothing contradicts)
  --format <f>      text (default) or json, for the report on stdout
  --presence <p>    lenient (default), strict or tolerant: how absent required fields are judged
  --config <file>   settings file (models switches and overlays apply as in generate)
`;

interface Judged {
  payloads: Payload[];
  problems: { source: string; problem: Problem }[];
}

export function runExamples(args: string[], cwd = process.cwd()): number {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      samples: { type: "string" },
      overlay: { type: "string" },
      format: { type: "string" },
      presence: { type: "string" },
      config: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(EXAMPLES_HELP);
    return 0;
  }
  const format = v.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
  const { config } = loadConfig(cwd, v.config, TARGET_NAMES);
  const spec = path.resolve(cwd, parsed.positionals[0] ?? config.spec);
  const presence = v.presence !== undefined ? parsePresence(v.presence) : config.presence;
  const samples = v.samples !== undefined ? path.resolve(cwd, v.samples) : undefined;
  const userOverlays = config.overlays.map((f) => path.resolve(cwd, f));

  const first = judgeAll(spec, userOverlays, [], presence, samples, config.models);
  const fromSamples = samples ? ` and the samples in ${path.relative(cwd, samples) || "."}` : "";
  const title = `Learned from the examples of ${path.basename(spec)}${fromSamples}`;
  const overlay = learnUntilStable(spec, userOverlays, first, presence, samples, config.models, title);
  const findings = first.problems;
  const contradicting = new Set(findings.map((f) => f.source));

  if (v.overlay) writeFileSync(path.resolve(cwd, v.overlay), yaml().stringify(overlay, { lineWidth: 0 }));
  if (format === "json") {
    process.stdout.write(
      JSON.stringify(
        {
          judged: first.payloads.length,
          contradicting: contradicting.size,
          findings: findings.map((f) => ({ source: f.source, ...f.problem })),
          overlay,
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  const lines = [
    `judged ${first.payloads.length} payloads: ${first.payloads.length - contradicting.size} agree with the spec` +
      `, ${contradicting.size} contradict it`,
  ];
  for (const f of findings)
    lines.push(`  ${f.source}: ${f.problem.pointer || "/"}: ${f.problem.reason}${f.problem.fix ? "" : " (no overlay can fix this)"}`);
  lines.push(`overlay: ${overlay.actions.length} actions${v.overlay ? ` written to ${v.overlay}` : " (--overlay <file> writes them)"}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

function judgeAll(
  spec: string,
  userOverlays: string[],
  learned: string[],
  presence: PresencePolicy,
  samples: string | undefined,
  models: Parameters<typeof normalize>[1] extends infer O ? (O extends { models?: infer M } ? M : never) : never,
): Judged & { specs: SpecSet } {
  const specs = new SpecSet(spec);
  applyOverlays(specs, [...userOverlays, ...learned]);
  const ir = normalize(specs, models ? { models } : {});
  const index = indexModels(ir.models);
  const payloads = [...specExamples(ir, specs), ...(samples ? samplePayloads(samples, ir) : [])];
  const problems = payloads.flatMap((p) => judge(p.json, p.type, index, presence).map((problem) => ({ source: p.source, problem })));
  return { specs, payloads, problems };
}

/**
 * Fixing one place can reveal the next (a union branch that now matches, a nested object that is
 * now reached): learn, apply, judge again, until nothing fixable is left (a few rounds at most).
 */
function learnUntilStable(
  spec: string,
  userOverlays: string[],
  first: Judged & { specs: SpecSet },
  presence: PresencePolicy,
  samples: string | undefined,
  models: Parameters<typeof judgeAll>[5],
  title: string,
): LearnedOverlay {
  const overlay = learnOverlay(first.specs, [], title);
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-learn-"));
  try {
    let round = first;
    for (let i = 0; i < 4; i++) {
      const fixable = round.problems.filter((p) => p.problem.fix).map((p): Finding => ({ source: p.source, fix: p.problem.fix! }));
      if (fixable.length === 0) break;
      // Each round's actions are learned on the spec as the earlier rounds left it, and run after them.
      overlay.actions.push(...learnOverlay(round.specs, fixable, title).actions);
      const file = path.join(dir, `round-${i}.yaml`);
      writeFileSync(file, yaml().stringify(overlay, { lineWidth: 0 }));
      round = judgeAll(spec, userOverlays, [file], presence, samples, models);
    }
    return overlay;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
