// Operation models through the CLI: the summary and `ir` say where models came from, the
// `models` switches apply to generate, ir and --check, and a spec without models fails clearly.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/generate.js";

const CLI = path.join(REPO, "dist/cli.js");
const PETSTORE = path.join(REPO, "test/fixtures/petstore");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project whose spec is the multi-file petstore fixture. */
function petstore(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-models-"));
  cpSync(PETSTORE, path.join(dir, "api"), { recursive: true });
  writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ spec: "api/openapi.yaml", lang: ["typescript"] }));
  return dir;
}

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});

describe("operation models end to end", () => {
  it("a multi-file API with no components generates its models and says where they came from", () => {
    const dir = petstore();
    const r = run(["generate"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("31 models: 0 from components, 24 from operations (9 of parameters, 1 of webhooks), 7 from other files");
    // application/octet-stream, and text/plain and text/json where a JSON type is read instead.
    expect(r.stderr).toMatch(/3 ignored-media-type/);
    const files = readdirSync(path.join(dir, "generated/typescript"));
    expect(files).toEqual(expect.arrayContaining(["ListPetsResponse.ts", "CreatePetRequestForm.ts", "UploadPetPhotoRequest.ts", "PetAdoptedPostRequest.ts", "Pet.ts"]));
    const ir = run(["ir"], dir);
    expect(ir.code).toBe(0);
    expect(ir.stderr).toContain("31 models: 0 from components");
    expect((JSON.parse(ir.stdout) as { operations: unknown[] }).operations).toHaveLength(12);
  });

  it("the models switches apply to generate and ir, and --check notices a changed switch", () => {
    const dir = petstore();
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ spec: "api/openapi.yaml", lang: ["typescript"], models: { parameters: false, webhooks: false } }));
    const check = run(["generate", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("stale deleted generated/typescript/ListPetsParams.ts");
    expect(check.stdout).toContain("stale deleted generated/typescript/PetAdoptedPostRequest.ts");
    expect(run(["generate", "--quiet"], dir).code).toBe(0);
    expect(existsSync(path.join(dir, "generated/typescript/ListPetsParams.ts"))).toBe(false);
    expect(existsSync(path.join(dir, "generated/typescript/ListPetsResponse.ts"))).toBe(true);
    expect(run(["ir"], dir).stderr).toContain("21 models: 0 from components, 14 from operations, 7 from other files");
  });

  it("rejects an unknown models switch or a non-boolean, naming it", () => {
    const dir = petstore();
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ spec: "api/openapi.yaml", models: { operation: false } }));
    const r = run(["generate"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('models: unknown setting "operation" (known: components, operations, parameters, webhooks)');
    writeFileSync(path.join(dir, "modelgen.config.json"), JSON.stringify({ spec: "api/openapi.yaml", models: { operations: "no" } }));
    expect(run(["generate"], dir).stderr).toContain("models.operations: must be boolean");
  });

  it("a spec that yields no models is an error that says why, and writes nothing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-empty-"));
    writeFileSync(
      path.join(dir, "openapi.yaml"),
      'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /speech:\n    post:\n      responses:\n        "200":\n          content:\n            audio/mpeg: { schema: { type: string, format: binary } }\n',
    );
    const r = run(["generate", "--spec", "openapi.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("openapi.yaml:3:1 #/paths: no models: no operation has a JSON, form or multipart request body, a JSON response or parameters\n");
    expect(existsSync(path.join(dir, "generated"))).toBe(false);
  });
});
