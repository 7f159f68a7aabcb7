// The customized generations every compile test builds (issue 13's "must show"), defined once so
// the four languages check the same settings. To keep CI time modest they are combined into three
// generations per language:
// - NATIVE_SPEC: spec/ with `types: native` for every format and Metadata mapped to the user's type
//   (round-trips payloads/customized/formats.json: a date-time, a date, a uuid, a Unix timestamp);
// - CUSTOMIZED_OPENAI: the 2026-08-21 OpenAI spec with an overlay (RunObject.instructions nullable,
//   a deprecated schema removed), the rename RunStepObject -> RunStep, `types: native` and Metadata
//   mapped (round-trips payloads/customized/runs.json: a Run with timestamps, null instructions and
//   the user's Metadata);
// - RUN_ONLY: the same spec with `include: [RunObject]`: its closure only.
import path from "node:path";
import type { IrShape } from "../../../src/pipeline.js";
import { OPENAI_SPECS, REPO } from "../../helpers/generate.js";

export const PAYLOADS = path.join(REPO, "test/compile/payloads/customized");
const SPEC = path.join(REPO, "spec/openapi.yaml");
const OPENAI_2026_08_21 = OPENAI_SPECS.find((s) => s.endsWith("openai-2026-08-21.yaml"))!;

/** `types:` with every format native (the top-level setting, as each language's `types` option). */
const NATIVE_TYPES = { "date-time": "native", date: "native", uuid: "native", unixtime: "native" } as const;

/** `map: { Metadata: ... }`: the user's types, whose sources are in each host (see USER_TYPE_FILES). */
const METADATA_MAP = {
  Metadata: {
    rust: "crate::extra::Metadata",
    scala: "com.acme.Metadata",
    elixir: "Acme.Metadata",
    typescript: { from: "./extra.js", name: "Metadata" },
  },
};

export interface CustomizedBuild {
  /** A short name each host derives its crate, package or namespace from. */
  name: "native_spec" | "customized_openai" | "run_only";
  spec: string;
  shape: Partial<IrShape>;
  /** Whether the build maps Metadata (and so needs the user's type beside it). */
  mapsMetadata: boolean;
  /** Options every target gets (each host adds its own: crate name, package, namespace). */
  options: Record<string, unknown>;
}

export const NATIVE_SPEC: CustomizedBuild = {
  name: "native_spec",
  spec: SPEC,
  shape: { map: METADATA_MAP },
  mapsMetadata: true,
  options: { types: NATIVE_TYPES },
};

export const CUSTOMIZED_OPENAI: CustomizedBuild = {
  name: "customized_openai",
  spec: OPENAI_2026_08_21,
  shape: {
    overlays: [path.join(PAYLOADS, "overlay.yaml")],
    rename: { models: { RunStepObject: "RunStep" } },
    map: METADATA_MAP,
  },
  mapsMetadata: true,
  options: { types: NATIVE_TYPES },
};

export const RUN_ONLY: CustomizedBuild = {
  name: "run_only",
  spec: OPENAI_2026_08_21,
  shape: { include: ["RunObject"] },
  mapsMetadata: false,
  options: {},
};

export const CUSTOMIZED_BUILDS = [NATIVE_SPEC, CUSTOMIZED_OPENAI, RUN_ONLY];
