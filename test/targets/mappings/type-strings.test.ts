// `types:` and `map:` as each target writes them: the format a primitive carries, the type string
// and codec each language writes for it, and how the settings merge. Given/want tables.
import { describe, expect, it } from "vitest";
import type { Field, PrimitiveType, TypeExpr } from "../../../src/ir/types.js";
import { mappableFormat } from "../../../src/ir/customize/formats.js";
import { mappingsOf } from "../../../src/targets/mappings.js";
import { targetOptionsOf } from "../../../src/config.js";
import { mappedPrimitiveType as rustPrimitive, fieldShape as rustFieldShape, newUses, type RustTypeContext } from "../../../src/targets/rust/types.js";
import { mappedPrimitiveType as scalaPrimitive } from "../../../src/targets/scala/types.js";
import { primitiveCodec as scalaCodec } from "../../../src/targets/scala/codecs.js";
import { codecType as elixirCodec, typespec as elixirSpec, type ElixirTypeContext } from "../../../src/targets/elixir/types.js";
import { typeString as tsType, type TsTypeContext } from "../../../src/targets/typescript/types.js";
import type { NameTable } from "../../../src/naming/assign.js";
import type { PresencePolicy } from "../../../src/targets/target.js";
import { compatOf } from "../../../src/diff/compat.js";
import { TARGETS } from "../../../src/targets/registry.js";

const ALL_NATIVE = { types: { "date-time": "native", date: "native", uuid: "native", unixtime: "native" } };
const p = (type: PrimitiveType["type"], format?: string): PrimitiveType => ({ kind: "primitive", type, ...(format ? { format } : {}) });

describe("mappableFormat", () => {
  it.each([
    [p("string", "date-time"), "date-time"],
    [p("string", "date"), "date"],
    [p("string", "uuid"), "uuid"],
    [p("integer", "unixtime"), "unixtime"],
    [p("integer", "unix-time"), "unixtime"],
    // A number may carry fractional seconds: it keeps its wire type.
    [p("number", "unixtime"), undefined],
    [p("string", "uri"), undefined],
    [p("integer", "date-time"), undefined],
    [p("string"), undefined],
  ])("%j -> %s", (given, want) => {
    expect(mappableFormat(given)).toBe(want);
  });
});

describe("targetOptionsOf: the top-level types is each language's default", () => {
  const names = ["rust", "scala"];
  it.each([
    [{ targets: {}, types: {} }, {}],
    [{ targets: { rust: { crateName: "x" } }, types: {} }, { rust: { crateName: "x" } }],
    [{ targets: {}, types: { date: "native" } }, { rust: { types: { date: "native" } }, scala: { types: { date: "native" } } }],
    [
      { targets: { rust: { types: { date: "time::Date", uuid: "wire" } } }, types: { date: "native", uuid: "native" } },
      { rust: { types: { date: "time::Date", uuid: "wire" } }, scala: { types: { date: "native", uuid: "native" } } },
    ],
  ] as const)("%j", (given, want) => {
    expect(targetOptionsOf(given as never, names)).toEqual(want);
  });
});

/** The type string of each mappable format under `options`, in one language. */
const formats: [string, PrimitiveType][] = [
  ["date-time", p("string", "date-time")],
  ["date", p("string", "date")],
  ["uuid", p("string", "uuid")],
  ["unixtime", p("integer", "unixtime")],
];

describe("Rust types", () => {
  it.each([
    [{}, ["String", "String", "String", "i64"]],
    [ALL_NATIVE, ["chrono::DateTime<chrono::Utc>", "chrono::NaiveDate", "uuid::Uuid", "i64"]],
    [{ types: { "date-time": "time::OffsetDateTime", uuid: "wire" } }, ["time::OffsetDateTime", "String", "String", "i64"]],
  ])("%j", (options, want) => {
    expect(formats.map(([, t]) => rustPrimitive(t, mappingsOf(options)))).toEqual(want);
  });

  it("records the crates native types need (Cargo.toml depends on them only then)", () => {
    const uses = newUses();
    for (const [, t] of formats.slice(0, 2)) rustPrimitive(t, mappingsOf(ALL_NATIVE), uses);
    expect([...uses.crates]).toEqual(["chrono"]);
    rustPrimitive(p("string", "uuid"), mappingsOf(ALL_NATIVE), uses);
    expect([...uses.crates].sort()).toEqual(["chrono", "uuid"]);
  });

  // A unix timestamp field is a DateTime<Utc> through chrono's ts_seconds codecs, per presence.
  const field = (required: boolean, nullable: boolean): Field => ({
    name: "created_at",
    type: { ...p("integer", "unixtime"), ...(nullable ? { nullable: true } : {}) },
    required,
    docs: {},
    source: { file: "x", line: 1, col: 1, pointer: "" },
  });
  const ctx = (): RustTypeContext => ({
    models: new Map(),
    names: {} as NameTable,
    literals: {} as RustTypeContext["literals"],
    recursion: {} as RustTypeContext["recursion"],
    owner: "",
    uses: newUses(),
    mappings: mappingsOf({ types: { unixtime: "native" } }),
  });
  const T = "chrono::DateTime<chrono::Utc>";
  it.each([
    [true, false, "lenient", T, ['with = "chrono::serde::ts_seconds"']],
    [true, true, "lenient", `Option<${T}>`, ["default", 'with = "chrono::serde::ts_seconds_option"']],
    [true, true, "strict", `Option<${T}>`, ['with = "chrono::serde::ts_seconds_option"']],
    [true, false, "tolerant", `Option<${T}>`, ["default", 'with = "chrono::serde::ts_seconds_option"', 'skip_serializing_if = "Option::is_none"']],
    [false, false, "lenient", `Option<${T}>`, ["default", 'with = "chrono::serde::ts_seconds_option"', 'skip_serializing_if = "Option::is_none"']],
    [false, true, "lenient", `Option<Option<${T}>>`, ["default", 'with = "crate::serde_support::unix_seconds_present"', 'skip_serializing_if = "Option::is_none"']],
  ] as const)("required %s, nullable %s, %s -> %s", (required, nullable, presence, type, serde) => {
    expect(rustFieldShape(field(required, nullable), "created_at", ctx(), presence as PresencePolicy)).toEqual({ type, serde });
  });

  it("keeps a timestamp's wire type where no attribute can name its codec (inside a list)", () => {
    const list: TypeExpr = { kind: "array", items: p("integer", "unixtime") };
    expect(rustFieldShape({ ...field(true, false), type: list }, "stamps", ctx(), "lenient").type).toBe("Vec<i64>");
  });
});

describe("Scala types and codecs", () => {
  it.each([
    [{}, ["String", "String", "String", "Long"], ["JsonSupport.string", "JsonSupport.string", "JsonSupport.string", "JsonSupport.long"]],
    [
      ALL_NATIVE,
      ["java.time.OffsetDateTime", "java.time.LocalDate", "java.util.UUID", "java.time.Instant"],
      ["JsonSupport.offsetDateTime", "JsonSupport.localDate", "JsonSupport.uuid", "JsonSupport.epochSeconds"],
    ],
    [
      { types: { date: "com.acme.Day" } },
      ["String", "com.acme.Day", "String", "Long"],
      ["JsonSupport.string", "JsonSupport.provided[com.acme.Day]", "JsonSupport.string", "JsonSupport.long"],
    ],
  ])("%j", (options, types, codecs) => {
    const m = mappingsOf(options);
    expect(formats.map(([, t]) => scalaPrimitive(t, m))).toEqual(types);
    expect(formats.map(([, t]) => scalaCodec(t, m))).toEqual(codecs);
  });
});

describe("Elixir typespecs and codec descriptors", () => {
  const ctx = (options: object): ElixirTypeContext => ({ models: new Map(), names: {} as NameTable, namespace: "Api", openEnums: true, mappings: mappingsOf(options as Record<string, unknown>) });
  it.each([
    [{}, ["String.t()", "String.t()", "String.t()", "integer()"], [":string", ":string", ":string", ":integer"]],
    [ALL_NATIVE, ["DateTime.t()", "Date.t()", "String.t()", "DateTime.t()"], [":date_time", ":date", ":uuid", ":unixtime"]],
    [{ types: { "date-time": "Acme.Time" } }, ["Acme.Time.t()", "String.t()", "String.t()", "integer()"], ["{:external, Acme.Time}", ":string", ":string", ":integer"]],
  ])("%j", (options, specs, codecs) => {
    expect(formats.map(([, t]) => elixirSpec(t, ctx(options)))).toEqual(specs);
    expect(formats.map(([, t]) => elixirCodec(t, ctx(options)))).toEqual(codecs);
  });

  it("a mapped model is the user's module, read through its own from_json", () => {
    const c: ElixirTypeContext = { ...ctx({}), mappings: mappingsOf({}, { "#/m": "Acme.Metadata" }) };
    expect(elixirSpec({ kind: "ref", target: "#/m", nullable: true }, c)).toBe("Acme.Metadata.t() | nil");
    expect(elixirCodec({ kind: "ref", target: "#/m", nullable: true }, c)).toBe("{:nullable, {:external, Acme.Metadata}}");
  });
});

describe("TypeScript types", () => {
  const imports: string[] = [];
  const ctx = (options: object, mapped: Record<string, unknown> = {}): TsTypeContext => ({
    models: new Map(),
    names: {} as NameTable,
    int64: "number",
    onRef: () => {},
    mappings: mappingsOf(options as Record<string, unknown>, mapped as never),
    onUserImport: (from, name) => imports.push(`${name} from ${from}`),
  });
  it.each([
    // native: the static types describe JSON.parse's output, so they stay the wire types.
    [ALL_NATIVE, ["string", "string", "string", "number"]],
    [{ types: { "date-time": "Date", uuid: { from: "./ids.js", name: "Uuid" } } }, ["Date", "string", "Uuid", "number"]],
  ])("%j", (options, want) => {
    expect(formats.map(([, t]) => tsType(t, ctx(options)))).toEqual(want);
  });

  it("a mapped model is the user's type, imported where it is used", () => {
    imports.length = 0;
    const c = ctx({}, { "#/m": { from: "./extra.js", name: "Metadata" } });
    expect(tsType({ kind: "ref", target: "#/m", nullable: true }, c)).toBe("Metadata | null");
    expect(imports).toEqual(["Metadata from ./extra.js"]);
  });
});

describe("diff: a string format with a type of its own is no longer interchangeable", () => {
  it.each([
    ["rust", {}, true],
    ["rust", { types: { "date-time": "native" } }, false],
    ["rust", { types: { unixtime: "native", uuid: "wire" } }, true],
    ["scala", { types: { uuid: "native" } }, false],
    ["elixir", { types: { date: "native" } }, false],
    // TypeScript's static types stay the wire types under native; a user's type is its own.
    ["typescript", { types: { "date-time": "native" } }, true],
    ["typescript", { types: { "date-time": "Date" } }, false],
  ])("%s %j: stringFormatsShareOneType %s", (lang, options, want) => {
    expect(compatOf(TARGETS.find((t) => t.name === lang)!, options).stringFormatsShareOneType).toBe(want);
  });
});

describe("mapped models", () => {
  const mapped = { "#/components/schemas/Money": { type: "my.Money" } } as unknown as Parameters<typeof mappingsOf>[1];
  it.each([
    { name: "a mapped model", mapped, id: "#/components/schemas/Money", want: { type: "my.Money" }, users: true },
    { name: "a model not mapped", mapped, id: "#/components/schemas/Other", want: undefined, users: true },
    { name: "nothing mapped", mapped: {}, id: "#/components/schemas/Money", want: undefined, users: false },
    { name: "a name only an object's prototype has", mapped: {}, id: "constructor", want: undefined, users: false },
  ])("$name", ({ mapped, id, want, users }) => {
    const m = mappingsOf({}, mapped);
    expect(m.model(id)).toEqual(want);
    expect(m.hasUserTypes).toBe(users);
  });
});
