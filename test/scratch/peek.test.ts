import { it } from "vitest";
import path from "node:path";
import { render, REPO } from "../helpers/generate.js";
it("peek", () => {
  const files = render(path.join(REPO, "spec/openapi.yaml"), "rust", { options: { types: { "date-time": "native", date: "native", uuid: "native", unixtime: "native" } } });
  for (const f of files) if (/run\.rs$|formats|Cargo|serde_support|lib\.rs|run_step\.rs/.test(f.path)) console.log("=== " + f.path + "\n" + f.contents);
});
