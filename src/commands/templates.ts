// `openapi-modelgen templates eject <lang> [--out dir]`: copies a target's built-in templates into
// a folder of the user's, to start overriding from (config `templates: <dir>`).
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../common/errors.js";
import { parseCommandArgs } from "./args.js";
import { builtInTemplatesDir, templateFiles } from "../render/templates.js";
import { TARGET_NAMES } from "../targets/registry.js";

const TEMPLATES_HELP = `Usage: openapi-modelgen templates eject <lang> [--out dir] [--force]

Copies the built-in templates of <lang> (${TARGET_NAMES.join(", ")}) to <dir>/<lang>/ (default dir:
templates). Point the config's \`templates\` setting at <dir>; files you keep there replace the
built-in ones of the same path, files you delete fall back to the built-ins. See docs/template-views.md
for the view each template receives.
`;

export function runTemplates(args: string[], cwd = process.cwd()): number {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (parsed.values.help) {
    process.stdout.write(TEMPLATES_HELP);
    return 0;
  }
  const [action, lang, ...rest] = parsed.positionals;
  if (action !== "eject" || lang === undefined || rest.length)
    throw new UsageError("usage: openapi-modelgen templates eject <lang> [--out dir] [--force]");
  if (!TARGET_NAMES.includes(lang)) throw new UsageError(`unknown language "${lang}" (known: ${TARGET_NAMES.join(", ")})`);
  const out = path.resolve(cwd, parsed.values.out ?? "templates");
  const files = templateFiles(builtInTemplatesDir(), lang);
  const clashes = files.filter((f) => existsSync(path.join(out, lang, f)));
  if (clashes.length && !parsed.values.force) {
    throw new UsageError(
      `${path.relative(cwd, path.join(out, lang)) || "."} already has ${clashes.length} of these templates` +
        ` (${clashes.slice(0, 3).join(", ")}${clashes.length > 3 ? ", ..." : ""}); --force overwrites them`,
    );
  }
  for (const f of files) {
    const to = path.join(out, lang, f);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(builtInTemplatesDir(), lang, f), to);
  }
  process.stderr.write(`copied ${files.length} ${lang} templates to ${path.relative(cwd, path.join(out, lang)) || "."}\n`);
  return 0;
}
