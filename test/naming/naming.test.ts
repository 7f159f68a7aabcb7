import { describe, expect, it } from "vitest";
import { camelCase, pascalCase, snakeCase, splitWords } from "../../src/naming/words.js";
import { NameScope } from "../../src/naming/scope.js";
import { assignNames, type NameTable, type NamingRules } from "../../src/naming/assign.js";
import { irOfSchemas } from "../helpers/spec.js";
import { scalaNamingRules } from "../../src/targets/scala/naming.js";

describe("splitWords", () => {
  it.each([
    { given: "RunStepObject", want: ["Run", "Step", "Object"] },
    { given: "api.v2010.account", want: ["api", "v2010", "account"] },
    { given: "HTTPServer", want: ["HTTP", "Server"] },
    { given: "gpt-4o", want: ["gpt", "4o"] },
    { given: "Comment--Base", want: ["Comment", "Base"] },
    { given: "self-harm/intent", want: ["self", "harm", "intent"] },
    { given: "snake_case_name", want: ["snake", "case", "name"] },
    { given: "+1", want: ["plus", "1"] },
    { given: "-1", want: ["minus", "1"] },
    { given: "", want: ["empty"] },
    { given: "*", want: ["star"] },
  ])("$given", ({ given, want }) => {
    expect(splitWords(given)).toEqual(want);
  });

  it.each([
    { words: ["run", "step", "ID"], pascal: "RunStepId", camel: "runStepId", snake: "run_step_id" },
    { words: ["HTTP", "server"], pascal: "HttpServer", camel: "httpServer", snake: "http_server" },
  ])("cases $words", ({ words, pascal, camel, snake }) => {
    expect([pascalCase(words), camelCase(words), snakeCase(words)]).toEqual([pascal, camel, snake]);
  });
});

describe("NameScope", () => {
  it("suffixes collisions deterministically and avoids reserved words", () => {
    const scope = new NameScope(new Set(["type"]));
    expect(["a", "a", "type", "a", "type2"].map((n) => scope.claim(n))).toEqual(["a", "a2", "type2", "a3", "type22"]);
  });

  it("can compare case-insensitively (file systems)", () => {
    const scope = new NameScope(new Set(), true);
    expect([scope.claim("Asc"), scope.claim("ASC"), scope.claim("asc")]).toEqual(["Asc", "ASC2", "asc3"]);
  });
});

describe("assignNames", () => {
  const rules = (nestTypes: boolean): NamingRules => ({
    typeName: pascalCase,
    nestTypes,
    reservedTypeNames: new Set(["String"]),
    fieldName: (w) => camelCase(splitWords(w)),
    reservedFieldNames: new Set(["type"]),
    memberName: (v) => pascalCase(splitWords(String(v))),
    reservedMemberNames: new Set(),
    escapeReserved: (c, kind) => (kind === "field" ? `${c}_` : `${c}Model`),
    caseInsensitiveMembers: true,
  });
  const ir = irOfSchemas(`
    String: { type: object, properties: { value: { type: string } } }
    Run:
      type: object
      properties:
        type: { type: string }
        last_error: { type: object, properties: { code: { type: string } } }
        usage: { type: object, properties: { n: { type: integer } } }
    RunLastError: { type: string }
    Usage: { type: object, properties: { n: { type: integer } } }
    Order: { type: string, enum: [asc, ASC, "+1", "-1"] }
    Pet:
      oneOf:
        - { type: object, required: [kind], properties: { kind: { type: string, const: cat } } }
        - { type: object, required: [kind], properties: { kind: { type: string, const: dog } } }
  `);

  it("gives components their names before hoisted models take any", () => {
    const flat = assignNames(ir, rules(false));
    expect(flat.type("#/components/schemas/RunLastError")).toBe("RunLastError");
    expect(flat.type("#/components/schemas/Run/properties/last_error")).toBe("RunLastError2");
    expect(flat.type("#/components/schemas/String")).toBe("StringModel");
  });

  it("nests hoisted models in their parent without shadowing a top-level name", () => {
    const nested = assignNames(ir, rules(true));
    expect(nested.path("#/components/schemas/Run/properties/last_error")).toEqual(["Run", "LastError"]);
    expect(nested.path("#/components/schemas/Run/properties/usage")).toEqual(["Run", "Usage2"]);
  });

  it("lets nested names repeat top-level ones where types are always fully qualified", () => {
    const qualified = assignNames(ir, { ...rules(true), nestedMayRepeatTopLevel: true });
    expect(qualified.path("#/components/schemas/Run/properties/usage")).toEqual(["Run", "Usage"]);
  });

  it("names fields, enum members and union variants in their own scopes", () => {
    const names = assignNames(ir, rules(false));
    expect(names.field("#/components/schemas/Run", "type")).toBe("type_");
    expect(names.field("#/components/schemas/Run", "last_error")).toBe("lastError");
    expect(["asc", "ASC", "+1", "-1"].map((v) => names.member("#/components/schemas/Order", v))).toEqual([
      "Asc",
      "Asc2",
      "Plus1",
      "Minus1",
    ]);
    expect([0, 1].map((i) => names.variant("#/components/schemas/Pet", i))).toEqual(["Cat", "Dog"]);
  });

  // Scala's case objects are class files: names differing only in case would overwrite each other
  // on a case-folding file system. Fields are methods, so theirs may differ in case alone.
  it("tells apart members whose names differ only in case, where the rules say so; fields stay as spelled", () => {
    const google = irOfSchemas(`
      Application: { type: string, enum: [FIELD_OFFICER, FIELDOFFICER, ONE_REVIEWER_TOOL] }
      Profile: { type: object, properties: { fooBar: { type: string }, foobar: { type: string } } }
    `);
    const scala = assignNames(google, scalaNamingRules);
    const app = "#/components/schemas/Application";
    expect(["FIELD_OFFICER", "FIELDOFFICER", "ONE_REVIEWER_TOOL"].map((v) => scala.member(app, v))).toEqual([
      "FieldOfficer",
      "Fieldofficer2",
      "OneReviewerTool",
    ]);
    expect(["fooBar", "foobar"].map((f) => scala.field("#/components/schemas/Profile", f))).toEqual(["fooBar", "foobar"]);
    const exact = assignNames(google, { ...scalaNamingRules, caseInsensitiveMembers: false });
    expect(exact.member(app, "FIELDOFFICER")).toBe("Fieldofficer");
  });

  // A type's subtypes (ir/normalize/hierarchy.ts) are named by their models: Azure's tags are
  // `#Microsoft.Media.H264Video`, and a oneOf's single-tag variant is still named by its tag.
  it("names a subtype variant by its model, whatever its tags", () => {
    const tagged = irOfSchemas(`
      Codec:
        type: object
        discriminator: { propertyName: "@odata.type" }
        properties: { "@odata.type": { type: string } }
      H264Video: { allOf: [{ $ref: "#/components/schemas/Codec" }], x-ms-discriminator-value: "#Microsoft.Media.H264Video" }
      Audio: { allOf: [{ $ref: "#/components/schemas/Codec" }], x-ms-discriminator-value: "#Microsoft.Media.Audio" }
      Step:
        oneOf: [{ $ref: "#/components/schemas/H264Video" }, { $ref: "#/components/schemas/Audio" }]
        discriminator: { propertyName: "@odata.type", mapping: { video_step: H264Video, audio_step: Audio } }
    `);
    const names = assignNames(tagged, rules(false));
    expect([0, 1].map((i) => names.variant("#/components/schemas/Codec", i))).toEqual(["H264Video", "Audio"]);
    expect([0, 1].map((i) => names.variant("#/components/schemas/Step", i))).toEqual(["VideoStep", "AudioStep"]);
  });

  // Field and member candidates are worked out once per spec name and rules: the same answers, fewer calls.
  it("asks the rules once per distinct field name and member value", () => {
    const asked: string[] = [];
    const counting: NamingRules = {
      ...rules(false),
      fieldName: (w) => {
        asked.push(`field ${w}`);
        return camelCase(splitWords(w));
      },
      memberName: (v) => {
        asked.push(`member ${typeof v} ${String(v)}`);
        return pascalCase(splitWords(String(v)));
      },
    };
    const mixed = irOfSchemas(`
      A: { type: object, properties: { created_at: { type: integer }, id: { type: string } } }
      B: { type: object, properties: { created_at: { type: integer } } }
      N: { enum: ["1", 1, "1"] }
    `);
    const names = assignNames(mixed, counting);
    expect(["#/components/schemas/A", "#/components/schemas/B"].map((id) => names.field(id, "created_at"))).toEqual([
      "createdAt",
      "createdAt",
    ]);
    expect(names.field("#/components/schemas/A", "id")).toBe("id");
    expect([names.member("#/components/schemas/N", "1"), names.member("#/components/schemas/N", 1)]).toEqual(["1", "12"]);
    expect(asked.sort()).toEqual(["field created_at", "field id", "member number 1", "member string 1"]);
  });

  it("keys members by value: a boolean and its text, a number and its text are different members", () => {
    const mixed = irOfSchemas(`
      B: { enum: [true, "true", false] }
    `);
    const names = assignNames(mixed, rules(false));
    const id = "#/components/schemas/B";
    expect([names.member(id, true), names.member(id, "true"), names.member(id, false)]).toEqual(["True", "True2", "False"]);
    expect(() => names.member(id, "false")).toThrow("naming: no name for member false of #/components/schemas/B");
  });

  // Paths are asked for at every use of a type: built once per model, the same list each time.
  it("builds each model's path once", () => {
    const names = assignNames(ir, rules(true));
    const ids = ir.models.filter((m) => m.parent).map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const path = names.path(id);
      expect(path.length).toBeGreaterThan(1);
      expect(names.path(id)).toBe(path);
    }
  });

  // Model words are kept per model object: an IR holding the same model without its parent (an
  // include filter) names it as a copy of that IR, never with words worked out under the parent.
  it("names a model the same whatever IR named it before", () => {
    const child = "#/components/schemas/Run/properties/last_error";
    const withoutParent = { ...ir, models: ir.models.filter((m) => m.id !== "#/components/schemas/Run") };
    expect(assignNames(ir, rules(true)).type(child)).toBe("LastError");
    expect(assignNames(withoutParent, rules(true)).type(child)).toBe("RunLastError2");
    expect(assignNames(structuredClone(withoutParent), rules(true)).type(child)).toBe("RunLastError2");
    expect(assignNames(ir, rules(true)).type(child)).toBe("LastError");
  });

  // A name asked for that was never given is a bug in the caller: it fails loudly, saying which.
  it.each([
    {
      what: "model",
      ask: (n: NameTable) => n.type("#/components/schemas/Nope"),
      want: "naming: no name for model #/components/schemas/Nope",
    },
    {
      what: "path",
      ask: (n: NameTable) => n.path("#/components/schemas/Nope"),
      want: "naming: no name for model #/components/schemas/Nope",
    },
    {
      what: "field",
      ask: (n: NameTable) => n.field("#/components/schemas/Run", "nope"),
      want: "naming: no name for field nope of #/components/schemas/Run",
    },
    {
      what: "member",
      ask: (n: NameTable) => n.member("#/components/schemas/Order", 7),
      want: "naming: no name for member 7 of #/components/schemas/Order",
    },
    {
      what: "variant",
      ask: (n: NameTable) => n.variant("#/components/schemas/Pet", 2),
      want: "naming: no name for variant 2 of #/components/schemas/Pet",
    },
  ])("a missing $what name throws", ({ ask, want }) => {
    expect(() => ask(assignNames(ir, rules(false)))).toThrow(want);
  });
});

describe("collision suffixes", () => {
  it("go inside the backticks of a quoted identifier", async () => {
    const { NameScope } = await import("../../src/naming/scope.js");
    const scope = new NameScope();
    expect([scope.claim("`type`"), scope.claim("`type`"), scope.claim("plain"), scope.claim("plain")]).toEqual([
      "`type`",
      "`type2`",
      "plain",
      "plain2",
    ]);
  });
});
