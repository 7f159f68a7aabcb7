// Which model is which across two specs: ids, renames (deterministic pairing), hoisted inline
// models reported under their owner, moved inline schemas and extracted components.
import { describe, expect, it } from "vitest";
import { diffSchemas, rows } from "./helpers.js";
import { allChanges } from "../../src/diff/index.js";
import { matchModels, nameSimilarity } from "../../src/diff/match.js";
import { indexModels, type ModelIndex } from "../../src/ir/query.js";
import type { Model } from "../../src/ir/types.js";
import { obj, ref, str, union } from "../ir/graph-fixtures.js";

const RUN = (status: string, code: string) => `
Run:
  type: object
  required: [id, status, last_error]
  properties:
    id: { type: string }
    status: { type: string, enum: [${status}] }
    last_error:
      type: object
      nullable: true
      properties:
        code: { type: string, enum: [${code}] }
`;

describe("hoisted inline models", () => {
  it("are reported under their top-level owner, at their path", () => {
    const r = diffSchemas(
      RUN("queued, done", "server_error, rate_limit"),
      RUN("queued, done, incomplete", "server_error, rate_limit, invalid_prompt"),
    );
    expect(r.groups.map((g) => g.name)).toEqual(["Run"]);
    expect(allChanges(r).map((c) => [c.where, c.check, c.values])).toEqual([
      ["last_error.code", "enum-value-added", ["invalid_prompt"]],
      ["status", "enum-value-added", ["incomplete"]],
    ]);
  });

  it("an inline schema that gained a null wrapper (a new pointer, the same name) is the same model", () => {
    const old = `Thing:\n  type: object\n  properties:\n    res:\n      type: object\n      nullable: true\n      properties:\n        a: { type: string }\n`;
    const next = `Thing:\n  type: object\n  properties:\n    res:\n      anyOf:\n        - type: object\n          properties:\n            a: { type: string }\n            b: { type: integer }\n        - type: "null"\n`;
    const r = diffSchemas(old, next);
    expect(rows(r).map((x) => [x.owner, x.where, x.check])).toEqual([["Thing", "res.b", "optional-field-added"]]);
  });

  it("an inline schema extracted into an identical component only adds the component", () => {
    const old = `Thing:\n  type: object\n  properties:\n    size: { type: string, enum: [s, m, l] }\n`;
    const next = `Size:\n  type: string\n  enum: [s, m, l]\nThing:\n  type: object\n  properties:\n    size: { $ref: "#/components/schemas/Size" }\n`;
    expect(rows(diffSchemas(old, next)).map((x) => [x.owner, x.check])).toEqual([["Size", "model-added"]]);
  });

  it("an inline enum replaced by a component with more values is a widening that names the values", () => {
    const old = `Thing:\n  type: object\n  properties:\n    size: { type: string, enum: [s, m] }\n`;
    const next = `Size:\n  type: string\n  enum: [s, m, l]\nThing:\n  type: object\n  properties:\n    size: { $ref: "#/components/schemas/Size" }\n`;
    const c = allChanges(diffSchemas(old, next)).find((x) => x.owner.endsWith("/Thing"))!;
    expect([c.where, c.check, c.message]).toEqual(["size", "type-widened", 'Thing.size → Size (adds "l")']);
    expect(c.responseBy).toEqual({ open: "safe", closed: "breaking" });
  });

  it("a one-value enum (a literal) that gains values is a widening, not a change of kind", () => {
    const r = diffSchemas(`Role:\n  type: string\n  enum: [user]\n`, `Role:\n  type: string\n  enum: [user, assistant]\n`);
    expect(rows(r).map((x) => [x.check, x.response])).toEqual([["type-widened", "breaking"]]);
  });
});

describe("renames", () => {
  const EVENT = (name: string) =>
    `${name}:\n  type: object\n  required: [user, at]\n  properties:\n    user: { type: string }\n    at: { type: integer }\n`;

  it("the same shape under a new name is one rename, and references to it are unchanged", () => {
    const r = diffSchemas(
      EVENT("Login") + `Log:\n  type: object\n  properties:\n    last: { $ref: "#/components/schemas/Login" }\n`,
      EVENT("SignIn") + `Log:\n  type: object\n  properties:\n    last: { $ref: "#/components/schemas/SignIn" }\n`,
    );
    expect(rows(r).map((x) => [x.owner, x.check])).toEqual([["SignIn", "model-renamed"]]);
    expect(r.groups[0]).toMatchObject({ name: "SignIn", oldName: "Login", status: "renamed" });
    expect(r.counts).toMatchObject({ modelsRenamed: 1, modelsAdded: 0, modelsRemoved: 0 });
  });

  it("several models of one shape pair by the most similar names, whatever the order", () => {
    const old = EVENT("LoginEvent") + EVENT("LogoutEvent");
    const next = EVENT("LogoutEventV2") + EVENT("LoginEventV2");
    const pairs = (o: string, n: string) => diffSchemas(o, n).groups.map((g) => `${g.oldName} -> ${g.name}`);
    expect(pairs(old, next)).toEqual(["LoginEvent -> LoginEventV2", "LogoutEvent -> LogoutEventV2"]);
    expect(pairs(EVENT("LogoutEvent") + EVENT("LoginEvent"), EVENT("LoginEventV2") + EVENT("LogoutEventV2"))).toEqual([
      "LoginEvent -> LoginEventV2",
      "LogoutEvent -> LogoutEventV2",
    ]);
  });

  it("a renamed model's hoisted children follow it silently; their own changes are reported", () => {
    const r = diffSchemas(RUN("queued, done", "server_error"), RUN("queued, done", "server_error").replace("Run:", "ThreadRun:"));
    expect(rows(r).map((x) => [x.owner, x.check])).toEqual([["ThreadRun", "model-renamed"]]);
  });

  it("a model renamed and changed at once is a removal plus an addition (a rename keeps the shape)", () => {
    const r = diffSchemas(
      RUN("queued, done", "server_error, rate_limit"),
      RUN("queued, done, incomplete", "server_error, rate_limit")
        .replace("Run:", "ThreadRun:")
        .replace("id: { type: string }", "id: { type: string }\n    extra: { type: integer }"),
    );
    // Not the same shape any more, so not a rename: Run removed, ThreadRun added.
    expect(rows(r).map((x) => [x.owner, x.check])).toEqual([
      ["Run", "model-removed"],
      ["ThreadRun", "model-added"],
    ]);
    const renamed = diffSchemas(RUN("queued, done", "a, b"), RUN("queued, done", "a, b").replace("Run:", "ThreadRun:"));
    expect(rows(renamed).map((x) => [x.owner, x.check])).toEqual([["ThreadRun", "model-renamed"]]);
  });

  it("a bare alias under an unrelated name is not taken for a rename", () => {
    const r = diffSchemas(`Foo:\n  type: string\n`, `Bar:\n  type: string\n`);
    expect(rows(r).map((x) => [x.owner, x.check])).toEqual([
      ["Foo", "model-removed"],
      ["Bar", "model-added"],
    ]);
  });

  it("a name inside the other counts as similar (Wait -> WaitParam)", () => {
    expect(nameSimilarity("Wait", "WaitParam")).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity("Foo", "Bar")).toBe(0);
  });
});

describe("when every model keeps its id", () => {
  it("pairs them by id without listing the models of either side again (no rename to look for)", () => {
    const models = [obj("#/A", ref("#/B")), obj("#/B", str), union("#/C", ref("#/A"))];
    const listed = { old: 0, new: 0 };
    const counted = (side: "old" | "new"): ModelIndex =>
      new (class extends Map<string, Model> {
        override keys(): MapIterator<string> {
          listed[side]++;
          return super.keys();
        }
      })(indexModels(models));
    const m = matchModels(counted("old"), counted("new"));
    expect([...m.oldToNew]).toEqual(models.map((x) => [x.id, x.id]));
    expect([...m.newToOld]).toEqual(models.map((x) => [x.id, x.id]));
    expect({ renamed: m.renamed, removed: m.removed, added: m.added }).toEqual({ renamed: [], removed: [], added: [] });
    expect(listed).toEqual({ old: 1, new: 0 });
  });
});
