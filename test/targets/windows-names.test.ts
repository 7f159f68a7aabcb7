// No generated file or folder takes a name Windows reserves for a device (CON, PRN, AUX, NUL,
// COM0-9, LPT0-9, in any case, with any extension): a repository holding `aux.rs` cannot be checked
// out on Windows (git: "invalid path"). Models, hoisted models, operation models and the folders
// named after the spec's title, in all four languages.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWindowsDeviceName } from "../../src/targets/common/windows-names.js";
import { generateAll } from "../../src/pipeline.js";

describe("isWindowsDeviceName", () => {
  const cases: [string, boolean][] = [
    ["aux", true],
    ["AUX", true],
    ["aux.rs", true],
    ["Aux.scala", true],
    ["nul.tar.gz", true],
    ["con", true],
    ["prn", true],
    ["com1", true],
    ["COM9.ts", true],
    ["lpt0", true],
    ["com¹", true],
    ["auxiliary", false],
    ["aux_model.ex", false],
    ["com10", false],
    ["com", false],
    ["nul_request.rs", false],
    ["", false],
  ];
  it.each(cases)("%j: %s", (name, want) => {
    expect(isWindowsDeviceName(name)).toBe(want);
  });
});

const SPEC = `openapi: 3.1.0
info: {title: Aux, version: '1'}
paths:
  /con:
    post:
      operationId: nul
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                prn: {type: object, properties: {x: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Holder'}
components:
  schemas:
    Holder:
      type: object
      properties:
        aux: {type: object, properties: {a: {type: string}}}
        com1: {type: string, enum: [a, b]}
    LPT9:
      type: object
      properties: {b: {type: string}}
    con:
      type: string
      enum: [z]
    Nul:
      type: object
      properties: {c: {type: integer}}
`;

describe("generated paths", () => {
  it("never take a device name, in any language, when models, hoisted models, operations and the title do", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "modelgen-windows-names-"));
    writeFileSync(path.join(root, "aux.yaml"), SPEC);
    await generateAll({
      spec: path.join(root, "aux.yaml"),
      specLabel: "aux.yaml",
      langs: ["typescript", "rust", "elixir", "scala"],
      out: path.join(root, "out"),
      presence: "lenient",
      targetOptions: {},
      mode: "write",
    });
    const paths = readdirSync(path.join(root, "out"), { recursive: true, encoding: "utf8" });
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => p.split(path.sep).some(isWindowsDeviceName))).toEqual([]);
    // The models are there, under names each language's escape gives them.
    for (const file of ["typescript/ConModel.ts", "typescript/Lpt9Model.ts", "rust/src/con_value.rs", "elixir/lib/aux_api/holder/aux_model.ex", "scala/src/main/scala/apiaux/models/NulValue.scala"])
      expect(paths).toContain(file.split("/").join(path.sep));
  });
});
