// `jobs` in the config: parsing (required keys, defaults from the top level, names) and which jobs
// a command runs (`--job`, flags over every job, two jobs never sharing a language folder).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { resolveJobs } from "../../src/api/jobs.js";
import { UsageError } from "../../src/common/errors.js";
import { TARGET_NAMES } from "../../src/targets/registry.js";

const parse = (raw: Record<string, unknown>) => parseConfig(raw, "modelgen.config.json", TARGET_NAMES);
const project = (raw: Record<string, unknown>) => ({ cwd: "/p", config: parse(raw) });

const TWO = {
  lang: ["typescript", "rust"],
  presence: "strict",
  typescript: { int64: "bigint" },
  jobs: [
    { name: "pets", spec: "apis/pets.yaml", out: "gen/pets" },
    { spec: "apis/store/openapi.yaml", out: "gen/store", lang: "typescript", presence: "lenient", typescript: { openEnums: false }, models: { operations: false } },
  ],
};

describe("parsing jobs", () => {
  it("gives each job the top level's settings unless it sets its own", () => {
    const config = parse(TWO);
    expect(config.jobs!.map((j) => j.name)).toEqual(["pets", "apis/store/openapi.yaml"]);
    const [pets, store] = config.jobs!;
    expect(pets).toMatchObject({ spec: "apis/pets.yaml", out: "gen/pets", lang: ["typescript", "rust"], presence: "strict", targets: { typescript: { int64: "bigint" } } });
    expect(store).toMatchObject({ lang: ["typescript"], presence: "lenient", targets: { typescript: { int64: "bigint", openEnums: false } } });
    expect(store!.models).toEqual({ components: true, operations: false, parameters: true, webhooks: true });
    expect(pets!.models.operations).toBe(true);
    // `out` may be left to the top level (or its default).
    expect(parse({ out: "models", jobs: [{ spec: "a.yaml" }] }).jobs![0]!.out).toBe("models");
    expect(parse({ jobs: [{ spec: "a.yaml" }] }).jobs![0]!.out).toBe("generated");
  });

  it("rejects what would be ambiguous or a typo", () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ spec: "a.yaml", jobs: [{ spec: "b.yaml", out: "o" }] }, /"spec" belongs in each job/],
      [{ jobs: [{ out: "o" }] }, /jobs\[0\]: "spec" is required/],
      [{ jobs: [{ spec: "b.yaml", out: "o", langs: ["rust"] }] }, /jobs\[0\]: unknown setting "langs"/],
      [{ jobs: [{ spec: "b.yaml", out: "o", diff: {} }] }, /unknown setting "diff"/],
      [{ jobs: [{ spec: "b.yaml", out: "o1" }, { spec: "b.yaml", out: "o2" }] }, /two jobs are named "b\.yaml"/],
      [{ jobs: [] }, /jobs: must NOT have fewer than 1 items/],
      [{ jobs: { spec: "b.yaml" } }, /jobs: must be array/],
    ];
    for (const [raw, message] of bad) expect(() => parse(raw), JSON.stringify(raw)).toThrow(message);
  });
});

describe("choosing jobs", () => {
  it("runs every job, or those --job names; flags apply to each", () => {
    expect(resolveJobs(project(TWO), {}).map((j) => j.name)).toEqual(["pets", "apis/store/openapi.yaml"]);
    const picked = resolveJobs(project(TWO), { job: ["pets"], lang: "elixir" });
    expect(picked.map((j) => [j.name, j.named, j.spec, j.out, j.langs])).toEqual([["pets", true, path.resolve("/p/apis/pets.yaml"), path.resolve("/p/gen/pets"), ["elixir"]]]);
    expect(resolveJobs(project(TWO), { job: "pets,apis/store/openapi.yaml" })).toHaveLength(2);
  });

  it("a config without jobs is one unnamed job from the top level and the flags", () => {
    const [job] = resolveJobs(project({ out: "models" }), { spec: "s.yaml" });
    expect(job).toMatchObject({ named: false, spec: path.resolve("/p/s.yaml"), specLabel: "s.yaml", out: path.resolve("/p/models") });
  });

  it("rejects unknown jobs, --spec/--out with jobs, --job without jobs, and two jobs writing one folder", () => {
    expect(() => resolveJobs(project(TWO), { job: "nope" })).toThrow(/unknown job "nope" \(known: pets, apis\/store\/openapi\.yaml\)/);
    expect(() => resolveJobs(project(TWO), { spec: "x.yaml" })).toThrow(/--spec names one spec, but the config has jobs/);
    expect(() => resolveJobs(project(TWO), { out: "x" })).toThrow(UsageError);
    expect(() => resolveJobs(project({}), { job: "pets" })).toThrow(/but it has none/);
    const shared = { jobs: [{ name: "a", spec: "a.yaml", out: "gen", lang: ["typescript", "rust"] }, { name: "b", spec: "b.yaml", out: "gen", lang: ["rust"] }] };
    expect(() => resolveJobs(project(shared), {})).toThrow(/jobs "a" and "b" both write gen\/rust/);
    // Different languages into one out folder are fine.
    expect(resolveJobs(project({ jobs: [shared.jobs[0]!, { ...shared.jobs[1]!, lang: ["scala"] }] }), {})).toHaveLength(2);
  });
});
