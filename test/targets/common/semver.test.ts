// SemVer as Cargo and Mix accept it: the spec's version becomes the package's only when it is one.
import { describe, expect, it } from "vitest";
import { isSemver } from "../../../src/targets/common/semver.js";
import { irOfFiles } from "../../helpers/spec.js";
import { rustTarget } from "../../../src/targets/rust/index.js";
import { elixirTarget } from "../../../src/targets/elixir/index.js";
import { loadTemplates } from "../../../src/render/templates.js";
import { headerLines } from "../../../src/pipeline.js";

describe("isSemver", () => {
  it.each([
    ["1.0.0", true],
    ["0.0.0", true],
    ["10.20.30", true],
    ["1.0.0-rc.1", true],
    ["1.0.0-0.3.7", true],
    ["1.0.0-x-y.7z.92", true],
    ["1.0.0-alpha+001", true],
    ["1.0.0+20130313144700", true],
    ["1.0.0-rc.1+build.01", true],
    // Leading zeros: Cargo says "invalid leading zero", Mix's Version.parse says :error.
    ["19.02.1", false],
    ["01.0.0", false],
    ["1.0.00", false],
    ["1.0.0-01", false],
    ["1.0", false],
    ["v1.0.0", false],
    ["1.0.0-", false],
    ["1.0.0-a..b", false],
    ["1.0.0+", false],
    ["2024-05-13", false],
  ])("%s: %s", (version, want) => {
    expect(isSemver(version)).toBe(want);
  });
});

describe("the package version taken from the spec", () => {
  const ir = (version: string) =>
    irOfFiles({ "openapi.yaml": `openapi: 3.1.0\ninfo: { title: Versions, version: "${version}" }\ncomponents: { schemas: { Pet: { type: string } } }\n` });
  const manifest = async (lang: "rust" | "elixir", version: string) => {
    const target = lang === "rust" ? rustTarget : elixirTarget;
    const doc = ir(version);
    const files = await target.generate({ ir: doc, templates: loadTemplates(lang), header: headerLines(doc, "openapi.yaml"), options: {}, presence: "lenient" });
    return files.find((f) => f.path === (lang === "rust" ? "Cargo.toml" : "mix.exs"))!.contents;
  };
  it.each([
    { lang: "rust", version: "1.2.3", want: 'version = "1.2.3"' },
    { lang: "rust", version: "19.02.1", want: 'version = "0.1.0"' },
    { lang: "elixir", version: "1.2.3", want: 'version: "1.2.3"' },
    { lang: "elixir", version: "19.02.1", want: 'version: "0.1.0"' },
  ] as const)("$lang, spec version $version: $want", async ({ lang, version, want }) => {
    expect(await manifest(lang, version)).toContain(want);
  });
});
