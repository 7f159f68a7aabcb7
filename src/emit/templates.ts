// Handlebars templates per target, compiled once per run. Templates only lay out text: strict mode
// (a missing view field is an error, not an empty string), no HTML escaping, no type helpers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export interface Templates {
  render(name: string, view: object): string;
}

/** The folder holding `templates/`, found from this module (src/ in tests, dist/ when bundled). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "templates")) || !existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("openapi-modelgen: cannot find the templates folder");
    dir = up;
  }
  return dir;
}

export function loadTemplates(target: string, root = path.join(packageRoot(), "templates")): Templates {
  const dir = path.join(root, target);
  const hb = Handlebars.create();
  const options = { strict: true, noEscape: true, preventIndent: true } as const;
  const partialsDir = path.join(dir, "partials");
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).sort()) {
      if (file.endsWith(".hbs")) hb.registerPartial(file.slice(0, -4), hb.compile(readFileSync(path.join(partialsDir, file), "utf8"), options));
    }
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        template = hb.compile(readFileSync(path.join(dir, `${name}.hbs`), "utf8"), options);
        compiled.set(name, template);
      }
      return template(view);
    },
  };
}
