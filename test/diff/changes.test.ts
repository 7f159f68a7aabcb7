// One small fixture pair per kind of change, with the expected classification: severity, and the
// verdict for decoding responses / building requests with the models generated from the old spec,
// for a target double that keeps what it does not know ("open") and one that declares no traits
// ("closed", judged conservatively).
import { describe, expect, it } from "vitest";
import { allChanges, judgesFor } from "../../src/diff/index.js";
import { diffSchemas, OPEN, rows, type Row } from "./helpers.js";

const PET = `
Pet:
  type: object
  required: [id, name]
  properties:
    id: { type: integer }
    name: { type: string }
    tag: { type: string }
`;

/** PET with its properties block replaced line by line. */
function pet(props: string, required = "[id, name]"): string {
  return `
Pet:
  type: object
  required: ${required}
  properties:
${props
  .trim()
  .split("\n")
  .map((l) => "    " + l.trim())
  .join("\n")}
`;
}

const R = (check: string, where: string, severity: string, response: string, request: string, owner = "Pet"): Row => ({ check, owner, where, severity, response, request });

const CASES: { name: string; old: string; new: string; expect: Row[] }[] = [
  {
    name: "model added",
    old: PET,
    new: PET + `\nOwner:\n  type: object\n  properties:\n    name: { type: string }\n`,
    expect: [R("model-added", "", "info", "safe", "safe", "Owner")],
  },
  {
    name: "model removed",
    old: PET + `\nOwner:\n  type: object\n  properties:\n    name: { type: string }\n`,
    new: PET,
    expect: [R("model-removed", "", "breaking", "breaking", "breaking", "Owner")],
  },
  {
    name: "model renamed (same shape under a new name: not a removal plus an addition)",
    old: PET,
    new: PET.replace("Pet:", "Animal:"),
    expect: [R("model-renamed", "", "warning", "safe", "safe", "Animal")],
  },
  {
    name: "model kind changed",
    old: `Status:\n  type: object\n  properties:\n    code: { type: string }\n`,
    new: `Status:\n  type: string\n  enum: [a, b]\n`,
    expect: [R("model-kind-changed", "", "breaking", "breaking", "breaking", "Status")],
  },
  {
    name: "required field added",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }\nage: { type: integer }`, "[id, name, age]"),
    expect: [R("required-field-added", "age", "breaking", "open:safe closed:breaking", "breaking")],
  },
  {
    name: "optional field added",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }\nage: { type: integer }`),
    expect: [R("optional-field-added", "age", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "required field removed",
    old: PET,
    new: pet(`id: { type: integer }\ntag: { type: string }`, "[id]"),
    expect: [R("required-field-removed", "name", "breaking", "breaking", "safe")],
  },
  {
    name: "optional field removed",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }`),
    expect: [R("optional-field-removed", "tag", "warning", "safe", "safe")],
  },
  {
    name: "optional -> required",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }`, "[id, name, tag]"),
    expect: [R("field-became-required", "tag", "breaking", "safe", "breaking")],
  },
  {
    name: "required -> optional",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }`, "[id]"),
    expect: [R("field-became-optional", "name", "breaking", "breaking", "safe")],
  },
  {
    name: "type changed (neither contains the other)",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: boolean }\ntag: { type: string }`),
    expect: [R("type-changed", "name", "breaking", "breaking", "breaking")],
  },
  {
    name: "integer -> number widens: safe to decode only where both are one type",
    old: PET,
    new: pet(`id: { type: number }\nname: { type: string }\ntag: { type: string }`),
    expect: [R("type-widened", "id", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "int32 -> int64 widens",
    old: pet(`id: { type: integer, format: int32 }\nname: { type: string }\ntag: { type: string }`),
    new: pet(`id: { type: integer, format: int64 }\nname: { type: string }\ntag: { type: string }`),
    expect: [R("type-widened", "id", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "string -> string(date-time) narrows",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, format: date-time }`),
    expect: [R("type-narrowed", "tag", "breaking", "safe", "breaking")],
  },
  {
    name: "one string format for another: decoding breaks only where formats are distinct types",
    old: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, format: date-time }`),
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, format: uuid }`),
    expect: [R("type-changed", "tag", "breaking", "open:safe closed:breaking", "breaking")],
  },
  {
    name: "nullable gained on a required field",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: [string, "null"] }\ntag: { type: string }`),
    expect: [R("nullable-gained", "name", "breaking", "breaking", "safe")],
  },
  {
    name: "nullable gained on an optional field: safe where an optional field reads null as absent",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: [string, "null"] }`),
    expect: [R("nullable-gained", "tag", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "nullable lost",
    old: pet(`id: { type: integer }\nname: { type: [string, "null"] }\ntag: { type: string }`),
    new: PET,
    expect: [R("nullable-lost", "name", "breaking", "safe", "breaking")],
  },
  {
    name: "enum value added: breaks a closed enum, not one with an unknown-value fallback",
    old: `Color:\n  type: string\n  enum: [red, green]\n`,
    new: `Color:\n  type: string\n  enum: [red, green, blue]\n`,
    expect: [R("enum-value-added", "", "breaking", "open:safe closed:breaking", "safe", "Color")],
  },
  {
    name: "enum value removed",
    old: `Color:\n  type: string\n  enum: [red, green, blue]\n`,
    new: `Color:\n  type: string\n  enum: [red, green]\n`,
    expect: [R("enum-value-removed", "", "breaking", "safe", "breaking", "Color")],
  },
  {
    name: "literal changed",
    old: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }\nkind: { const: pet }`),
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string }\nkind: { const: animal }`),
    expect: [R("literal-changed", "kind", "breaking", "breaking", "breaking")],
  },
  {
    name: "constraint tightened",
    old: pet(`id: { type: integer }\nname: { type: string, maxLength: 64 }\ntag: { type: string }`),
    new: pet(`id: { type: integer }\nname: { type: string, maxLength: 32 }\ntag: { type: string }`),
    expect: [R("constraint-tightened", "name", "breaking", "safe", "breaking")],
  },
  {
    name: "constraint loosened: breaks decoding only where constraints are checked",
    old: pet(`id: { type: integer, minimum: 1 }\nname: { type: string }\ntag: { type: string }`),
    new: PET,
    expect: [R("constraint-loosened", "id", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "default changed",
    old: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, default: a }`),
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, default: b }`),
    expect: [R("default-changed", "tag", "warning", "safe", "safe")],
  },
  {
    name: "deprecated",
    old: PET,
    new: pet(`id: { type: integer }\nname: { type: string }\ntag: { type: string, deprecated: true }`),
    expect: [R("deprecated", "tag", "info", "safe", "safe")],
  },
  {
    name: "no longer deprecated",
    old: PET.replace("Pet:\n  type: object", "Pet:\n  deprecated: true\n  type: object"),
    new: PET,
    expect: [R("undeprecated", "", "info", "safe", "safe")],
  },
  {
    name: "tagged union variant added: safe where an unknown tag is kept",
    old: TAGGED(["Cat", "Dog"]),
    new: TAGGED(["Cat", "Dog", "Bird"]),
    // Groups come worst first: the union's breaking change before the added model.
    expect: [R("union-variant-added", "", "breaking", "open:safe closed:breaking", "safe", "Animal"), R("model-added", "", "info", "safe", "safe", "Bird")],
  },
  {
    name: "union variant removed",
    old: TAGGED(["Cat", "Dog", "Bird"]),
    new: TAGGED(["Cat", "Dog"]).replace("Animal:", "Bird:\n  type: object\n  required: [kind]\n  properties:\n    kind: { const: bird }\n    name: { type: string }\nAnimal:"),
    expect: [R("union-variant-removed", "", "breaking", "safe", "breaking", "Animal")],
  },
  {
    name: "extra keys allowed",
    old: PET,
    new: PET + "  additionalProperties: { type: string }\n",
    expect: [R("additional-properties-added", "{*}", "breaking", "open:safe closed:breaking", "safe")],
  },
  {
    name: "extra keys no longer allowed",
    old: PET + "  additionalProperties: { type: string }\n",
    new: PET,
    expect: [R("additional-properties-removed", "{*}", "breaking", "safe", "breaking")],
  },
  {
    name: "array items and map values are compared in place",
    old: `Box:\n  type: object\n  properties:\n    tags: { type: array, items: { type: string } }\n    meta: { type: object, additionalProperties: { type: integer } }\n`,
    new: `Box:\n  type: object\n  properties:\n    tags: { type: array, items: { type: [string, "null"] } }\n    meta: { type: object, additionalProperties: { type: string } }\n`,
    expect: [R("type-changed", "meta{}", "breaking", "breaking", "breaking", "Box"), R("nullable-gained", "tags[]", "breaking", "breaking", "safe", "Box")],
  },
];

function TAGGED(names: string[]): string {
  const variants = names.map((n) => `${n}:\n  type: object\n  required: [kind]\n  properties:\n    kind: { const: ${n.toLowerCase()} }\n    name: { type: string }\n`).join("");
  return `${variants}Animal:\n  oneOf:\n${names.map((n) => `    - $ref: "#/components/schemas/${n}"`).join("\n")}\n  discriminator:\n    propertyName: kind\n`;
}

describe("one change of each kind, classified", () => {
  it.each(CASES)("$name", ({ old, new: next, expect: expected }) => {
    expect(rows(diffSchemas(old, next))).toEqual(expected);
  });

  it("the same spec on both sides has no changes", () => {
    const r = diffSchemas(PET + TAGGED(["Cat", "Dog"]), PET + TAGGED(["Cat", "Dog"]));
    expect(r.counts.total).toBe(0);
    expect(r.groups).toEqual([]);
  });

  it("an untagged union's new variant is safe only where decoding checks nothing", () => {
    const r = diffSchemas(`Id:\n  oneOf:\n    - type: string\n    - type: integer\n`, `Id:\n  oneOf:\n    - type: string\n    - type: integer\n    - type: boolean\n`);
    expect(rows(r)).toEqual([R("union-variant-added", "", "breaking", "open:safe closed:breaking", "safe", "Id")]);
  });

  it("a long list of enum values is cut short in the message, kept whole in `values`", () => {
    const many = Array.from({ length: 15 }, (_, i) => `v${i}`);
    const r = diffSchemas(`E:\n  type: string\n  enum: [a, b]\n`, `E:\n  type: string\n  enum: [a, b, ${many.join(", ")}]\n`);
    const c = allChanges(r)[0]!;
    expect(c.message).toBe(`15 values added: ${many.slice(0, 12).map((v) => `"${v}"`).join(", ")} and 3 more`);
    expect(c.values).toEqual(many);
  });

  it("a bound beyond 2^53 is compared and shown with the spec's digits", () => {
    const seed = (max: string) => pet(`id: { type: integer, format: int64, maximum: ${max} }\nname: { type: string }\ntag: { type: string }`);
    const r = diffSchemas(seed("9223372036854775807"), seed("9223372036854775806"));
    expect(rows(r)).toEqual([R("constraint-tightened", "id", "breaking", "safe", "breaking")]);
    const c = allChanges(r)[0]!;
    expect(c.message).toBe("maximum 9223372036854775807 → 9223372036854775806");
    expect([c.before, c.after]).toEqual(["9223372036854775807", "9223372036854775806"]);
  });

  it("enum values, consts and defaults beyond 2^53 are compared and shown with the spec's digits", () => {
    const schemas = (value: string) =>
      `E:\n  type: integer\n  enum: [0, ${value}]\nC:\n  type: object\n  properties:\n    c: { const: ${value} }\n    d: { type: integer, default: ${value} }\n`;
    const r = diffSchemas(schemas("9223372036854775807"), schemas("9223372036854775806"));
    const changes = allChanges(r).map((c) => `${c.check} ${c.message}`);
    expect(changes.sort()).toEqual([
      "default-changed default 9223372036854775807 → 9223372036854775806",
      "enum-value-added value added: 9223372036854775806",
      "enum-value-removed value removed: 9223372036854775807",
      "literal-changed 9223372036854775807 → 9223372036854775806",
    ]);
    expect(allChanges(diffSchemas(schemas("9223372036854775807"), schemas("9223372036854775807")))).toEqual([]);
  });

  it("with only lenient judges a new enum value is a warning, not breaking", () => {
    const r = diffSchemas(`Color:\n  type: string\n  enum: [red, green]\n`, `Color:\n  type: string\n  enum: [red, green, blue]\n`, {}, judgesFor([OPEN]));
    expect(rows(r)).toEqual([{ ...R("enum-value-added", "", "warning", "safe", "safe", "Color") }]);
    expect(allChanges(r)[0]!.values).toEqual(["blue"]);
  });
});

