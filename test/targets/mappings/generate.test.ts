// `map:` and `types:` through the pipeline on spec/: a mapped model is not generated in the
// languages it is mapped for and every reference names the user's type; native types bring their
// dependencies and support code only when used.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, renderShaped } from "../../helpers/generate.js";
import { buildIr, readSpecIr } from "../../../src/pipeline.js";
import type { OutputFile } from "../../../src/targets/target.js";

const SPEC = path.join(REPO, "spec/openapi.yaml");
const MAP = {
  Metadata: { rust: "crate::extra::Metadata", scala: "com.acme.Metadata", elixir: "Acme.Metadata", typescript: { from: "./extra.js", name: "Metadata" } },
};
const file = (files: OutputFile[], p: string) => files.find((f) => f.path === p)?.contents;

describe("map", () => {
  it.each([
    // language, the mapped model's file (absent), a file that uses it, what that file says
    ["rust", "src/metadata.rs", "src/run.rs", ["pub metadata: Option<crate::extra::Metadata>,"]],
    ["scala", "src/main/scala/runsapi/models/Metadata.scala", "src/main/scala/runsapi/models/Run.scala", ["metadata: Option[com.acme.Metadata]", "JsonSupport.provided[com.acme.Metadata]"]],
    ["elixir", "lib/runs_api/metadata.ex", "lib/runs_api/run.ex", ["metadata: Acme.Metadata.t() | nil", "{:nullable, {:external, Acme.Metadata}}"]],
    ["typescript", "Metadata.ts", "Run.ts", ['import type { Metadata } from "./extra.js";', "metadata: Metadata | null;"]],
  ])("%s: %s is not generated; %s names the user's type", async (lang, gone, user, says) => {
    const files = await renderShaped(SPEC, lang, { map: MAP });
    expect(file(files, gone)).toBeUndefined();
    for (const s of says) expect(file(files, user)).toContain(s);
  });

  it("rust: lib.rs declares the user's module (its file is the user's) and no longer the mapped one", async () => {
    const lib = file(await renderShaped(SPEC, "rust", { map: MAP }), "src/lib.rs")!;
    expect(lib).toContain("pub mod extra;");
    expect(lib).not.toContain("mod metadata;");
  });

  it("only the languages named are affected", async () => {
    const files = await renderShaped(SPEC, "rust", { map: { Metadata: { scala: "com.acme.Metadata" } } });
    expect(file(files, "src/metadata.rs")).toBeDefined();
  });

  it.each([
    [{ Metadta: { rust: "x::Y" } }, 'map: no model "Metadta" (closest: Metadata'],
    [{ RunObjectt: { rust: "x::Y" } }, 'map: no model "RunObjectt"'],
  ])("an unknown model %j is an error naming the closest", (map, message) => {
    expect(() => readSpecIr(SPEC, { map })).toThrow(message);
  });

  it("does not change the IR (diff and ir see the same models)", () => {
    expect(readSpecIr(SPEC, { map: MAP }).ir).toEqual(buildIr(SPEC));
  });
});

describe("types: native", () => {
  const NATIVE = { types: { "date-time": "native", date: "native", uuid: "native", unixtime: "native" } };
  it.each([
    ["date-time, date, uuid", NATIVE, ["chrono = {", "uuid = {"]],
    ["date only", { types: { date: "native" } }, ["chrono = {"]],
    ["none", {}, []],
  ] as [string, object, string[]][])("rust Cargo.toml depends on chrono/uuid only when used (%s)", async (_, options, deps) => {
    const cargo = file(await renderShaped(SPEC, "rust", {}, { options: options as Record<string, unknown> }), "Cargo.toml")!;
    for (const dep of ["chrono = {", "uuid = {"]) expect(cargo.includes(dep), dep).toBe(deps.includes(dep));
  });

  it("scala JsonSupport defines the codecs of the mapped formats only", async () => {
    const withNative = file(await renderShaped(SPEC, "scala", {}, { options: NATIVE }), "src/main/scala/runsapi/models/JsonSupport.scala")!;
    const plain = file(await renderShaped(SPEC, "scala", {}, {}), "src/main/scala/runsapi/models/JsonSupport.scala")!;
    for (const codec of ["val offsetDateTime", "val localDate", "val uuid", "val epochSeconds"]) {
      expect(withNative).toContain(codec);
      expect(plain).not.toContain(codec);
    }
  });

  it("typescript keeps the wire types", async () => {
    const formats = file(await renderShaped(SPEC, "typescript", {}, { options: NATIVE }), "Formats.ts")!;
    expect(formats).toContain("when?: string;");
    expect(formats).toContain("stamp?: number;");
  });
});
