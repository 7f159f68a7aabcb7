// The commands' argument parsing: node's parseArgs, with its complaints turned into usage errors
// (exit code 2) instead of a stack trace.
import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "../../src/commands/args.js";
import { UsageError } from "../../src/common/errors.js";

const options = {
  spec: { type: "string" },
  lang: { type: "string", multiple: true },
  force: { type: "boolean", short: "f" },
} as const;

describe("parseCommandArgs", () => {
  it.each([
    { given: [], values: {}, positionals: [] },
    { given: ["--spec", "a.yaml"], values: { spec: "a.yaml" }, positionals: [] },
    { given: ["--spec=a.yaml", "b.yaml"], values: { spec: "a.yaml" }, positionals: ["b.yaml"] },
    { given: ["--lang", "rust", "--lang", "scala"], values: { lang: ["rust", "scala"] }, positionals: [] },
    { given: ["-f", "x"], values: { force: true }, positionals: ["x"] },
    { given: ["--", "--spec"], values: {}, positionals: ["--spec"] },
  ])("$given", ({ given, values, positionals }) => {
    const parsed = parseCommandArgs({ args: given, allowPositionals: true, options });
    expect({ ...parsed.values }).toEqual(values);
    expect(parsed.positionals).toEqual(positionals);
  });

  it.each([
    { name: "an unknown flag", given: ["--nope"], message: "Unknown option '--nope'" },
    { name: "a missing value", given: ["--spec"], message: "Option '--spec <value>' argument missing" },
    { name: "a value for a switch", given: ["--force=yes"], message: "Option '-f, --force' does not take an argument" },
  ])("$name is a usage error", ({ given, message }) => {
    let error: unknown;
    try {
      parseCommandArgs({ args: given, allowPositionals: true, options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it("refuses positionals unless allowed", () => {
    expect(() => parseCommandArgs({ args: ["x"], options })).toThrow(UsageError);
  });
});
