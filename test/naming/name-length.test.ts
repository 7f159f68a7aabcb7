// Type names too long for a file name: cut, with a hash of the whole name after the cut.
import { describe, expect, it } from "vitest";
import { MAX_TYPE_NAME_BYTES, withinBytes } from "../../src/naming/name-length.js";
import { assignNames, type NamingRules } from "../../src/naming/assign.js";
import { camelCase, pascalCase, splitWords } from "../../src/naming/words.js";
import { irOfSchemas } from "../helpers/spec.js";

const bytes = (s: string) => Buffer.byteLength(s);

describe("withinBytes", () => {
  it.each([
    { name: "short names are kept", given: "RunObject", max: 100 },
    { name: "a name of exactly the limit is kept", given: "A".repeat(100), max: 100 },
    { name: "multi-byte names within the limit are kept", given: "É".repeat(50), max: 100 },
  ])("$name", ({ given, max }) => {
    expect(withinBytes(given, max)).toBe(given);
  });

  it("cuts a longer name to the limit and ends it with 8 hex digits of its hash", () => {
    const long = "A".repeat(101);
    const cut = withinBytes(long);
    expect(bytes(cut)).toBe(MAX_TYPE_NAME_BYTES);
    expect(cut).toMatch(/^A{92}[0-9a-f]{8}$/);
    expect(withinBytes(long)).toBe(cut);
  });

  it("counts UTF-8 bytes and never cuts a character in two", () => {
    const cut = withinBytes("Ü".repeat(60), 40);
    expect(cut).toMatch(/^Ü{16}[0-9a-f]{8}$/);
    expect(bytes(cut)).toBe(40);
    const astral = withinBytes("𝔄".repeat(20), 30);
    expect(astral).toMatch(/^(𝔄){5}[0-9a-f]{8}$/u);
  });

  it("keeps apart names that share their beginning", () => {
    const stem = "ExtraordinarilyLongSchemaName".repeat(5);
    expect(withinBytes(`${stem}Alpha`)).not.toBe(withinBytes(`${stem}Bravo`));
    expect(withinBytes(`${stem}Alpha`).slice(0, 92)).toBe(withinBytes(`${stem}Bravo`).slice(0, 92));
  });
});

describe("assignNames with long names", () => {
  const rules = (nestTypes: boolean, maxPathBytes?: number): NamingRules => ({
    typeName: pascalCase,
    nestTypes,
    reservedTypeNames: new Set(),
    fieldName: (w) => camelCase(splitWords(w)),
    reservedFieldNames: new Set(),
    memberName: (v) => pascalCase(splitWords(String(v))),
    reservedMemberNames: new Set(),
    escapeReserved: (c) => `${c}Model`,
    ...(maxPathBytes !== undefined ? { maxPathBytes } : {}),
  });
  const words = (i: number) => `level${i}_configuration_settings_parameters_options_details`;
  const deep = (depth: number): string => {
    let yaml = "leaf: { type: string }";
    for (let i = depth - 1; i >= 0; i--) yaml = `${words(i)}: { type: object, properties: { ${yaml} } }`;
    return `Root: { type: object, properties: { ${yaml} } }`;
  };
  const ir = irOfSchemas(deep(5));
  const ids = ir.models.map((m) => m.id).filter((id) => id.includes("/properties/"));

  it("cuts the hoisted names that join every parent's words, each to the limit", () => {
    const names = assignNames(ir, rules(false));
    const all = ids.map((id) => names.type(id));
    expect(all.every((n) => bytes(n) <= MAX_TYPE_NAME_BYTES)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe("RootLevel0ConfigurationSettingsParametersOptionsDetails");
  });

  it("gives nested names the room their parent's path leaves, down to a few characters and the hash", () => {
    const names = assignNames(ir, rules(true, 180));
    const paths = ids.map((id) => names.path(id).join("."));
    expect(paths.map((p) => bytes(p) <= 180 || p.split(".").at(-1)!.length <= 12)).toEqual(paths.map(() => true));
    const depthOf = (id: string) => id.split("/properties/").length - 1;
    const at = (depth: number) => names.path(ids.find((id) => depthOf(id) === depth)!);
    // Root (4 bytes) and three levels of 51, with their dots, take 160 of the 180: the fourth level
    // has the 19 bytes left, the fifth the least (12).
    expect(at(1)).toEqual(["Root", "Level0ConfigurationSettingsParametersOptionsDetails"]);
    expect(at(3).at(-1)).toBe("Level2ConfigurationSettingsParametersOptionsDetails");
    expect(at(4).at(-1)).toMatch(/^Level3Confi[0-9a-f]{8}$/);
    expect(at(5).at(-1)).toMatch(/^Leve[0-9a-f]{8}$/);
  });

  it("leaves nested names whole without a path limit", () => {
    const names = assignNames(ir, rules(true));
    expect(names.path(ids[3]!).at(-1)).toBe("Level3ConfigurationSettingsParametersOptionsDetails");
  });
});
