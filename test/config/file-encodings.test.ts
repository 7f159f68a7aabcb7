// Config files and package.json are read as spec files are (load/read-text.ts, fileText): a leading
// byte-order mark dropped (JSON.parse refuses one; Notepad wrote it), and UTF-16 or UTF-32 decoded
// (Windows PowerShell 5 writes UTF-16), so the settings are the same as in plain UTF-8.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { encoded } from "../helpers/encoded.js";

const SETTINGS = { spec: "api/openapi.yaml", out: "models", lang: ["typescript"], presence: "strict" };

function project(file: string, bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-config-encoding-"));
  writeFileSync(path.join(dir, file), bytes);
  return dir;
}

const json = JSON.stringify(SETTINGS, null, 2).replaceAll("\n", "\r\n");
const yaml = "spec: api/openapi.yaml\r\nout: models\r\nlang: [typescript]\r\npresence: strict\r\n";

describe("a config file written on Windows", () => {
  const rows = [
    { name: "JSON with a UTF-8 BOM", file: "modelgen.config.json", bytes: Buffer.from(`\uFEFF${json}`) },
    { name: "JSON in UTF-16LE with a BOM", file: "modelgen.config.json", bytes: encoded(json, "utf-16le", true) },
    { name: "YAML in UTF-16BE with a BOM", file: "modelgen.config.yaml", bytes: encoded(yaml, "utf-16be", true) },
    { name: "YAML in UTF-32LE without one", file: "modelgen.config.yml", bytes: encoded(yaml, "utf-32le", false) },
    { name: "package.json with a UTF-8 BOM", file: "package.json", bytes: Buffer.from(`\uFEFF${JSON.stringify({ name: "x", modelgen: SETTINGS })}`) },
  ];

  it.each(rows)("$name gives the settings of plain UTF-8", ({ file, bytes }) => {
    const plain = loadConfig(project("modelgen.config.json", Buffer.from(JSON.stringify(SETTINGS))), undefined, ["typescript"]).config;
    const { config, file: found } = loadConfig(project(file, bytes), undefined, ["typescript"]);
    expect(found).toBe(file);
    expect(config).toEqual(plain);
    expect(config.spec).toBe("api/openapi.yaml");
  });
});
