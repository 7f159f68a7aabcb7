// Command-line entry: argument parsing and exit codes only; each command is a thin layer over the
// library functions (src/index.ts). Errors the user can act on print as one line (exit 1, or 2 for
// usage); anything else is a bug and keeps its stack.
import { UsageError } from "./common/errors.js";
import { runIr } from "./commands/ir.js";
import { runGenerate } from "./commands/generate.js";
import { runDiff } from "./commands/diff.js";
import { runExamples } from "./commands/examples.js";
import { runTemplates } from "./commands/templates.js";
import { describeError } from "./commands/errors.js";
import { TOOL_VERSION } from "./pipeline.js";
import { boundHeapGrowth, underYoungGrowth, watchYoungGeneration } from "./threads/heap-settings.js";
import { delayOptimization, underRunJitFlag } from "./common/jit-settings.js";
import { setLateScriptFlags } from "./common/code-cache-state.js";
import { codeCacheMode } from "./common/cached-script.js";

const HELP = `openapi-modelgen: typed models for TypeScript, Rust, Elixir and Scala from an OpenAPI document

Usage:
  openapi-modelgen generate [options]   write typed models into generated/<lang>/ (see generate --help)
  openapi-modelgen ir [spec]            print the intermediate representation as JSON
  openapi-modelgen diff <old> <new>     what changed between two specs, per model and language (see diff --help)
  openapi-modelgen diff --base <ref>    the same for the spec as it is at a git ref against the working tree
  openapi-modelgen examples <spec>      judge the spec's example responses (and --samples) and learn an overlay (see examples --help)
  openapi-modelgen templates eject <lang>  copy a language's built-in templates to start overriding them

Options:
  -h, --help       show this help
  -v, --version    show the version
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "-v" || command === "--version") {
    process.stdout.write(TOOL_VERSION + "\n");
    return 0;
  }
  switch (command) {
    case "generate":
      return runGenerate(rest);
    case "ir":
      return runIr(rest);
    case "diff":
      return runDiff(rest);
    case "examples":
      return runExamples(rest);
    case "templates":
      return runTemplates(rest);
    default:
      throw new UsageError(`unknown command "${command}" (try --help)`);
  }
}

delayOptimization();
boundHeapGrowth();
const training = codeCacheMode(process.env) === "train";
// Never in the build's training: the code caches it writes must be made under V8's own flags.
if (!training) watchYoungGeneration();
// The scripts compiled late (templates.ts) compile under the flags their caches were made under:
// the training makes them under the run's JIT flag; a run's young generation hold is set back to
// V8's default while they compile.
setLateScriptFlags(training ? underRunJitFlag : underYoungGrowth);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const { text, exitCode } = describeError(error);
    process.stderr.write(`${text}\n`);
    process.exitCode = exitCode;
  },
);
