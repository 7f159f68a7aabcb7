// Renders one target from the IR: the step shared by the main thread and the render worker.
import type { IrDocument } from "../ir/types.js";
import { TARGETS } from "../targets/registry.js";
import type { OutputFile, PresencePolicy, TargetContext } from "../targets/target.js";
import { loadTemplates } from "./templates.js";
import path from "node:path";
import type { Reuse } from "../targets/common/units.js";
import { mappedIn, type ResolvedModelMap } from "../ir/customize/model-map.js";

/** Everything a target needs besides the IR; plain data, so it can cross to a worker thread. */
export interface RenderSettings {
  header: string[];
  presence: PresencePolicy;
  targetOptions: Record<string, Record<string, unknown>>;
  /** The user's template folder (absolute), overriding built-in templates of the same path. */
  templates?: string;
  /** Models mapped to the user's types, per language then model id (`map:`; absent: none). */
  mapped?: ResolvedModelMap;
}

/** `reuse`: the previous run's folder, whose files of unchanged models are kept (absent: render every file). */
export async function renderTarget(name: string, ir: IrDocument, settings: RenderSettings, reuse?: Reuse): Promise<OutputFile[]> {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no target named ${name}`);
  const label = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");
  const templates = loadTemplates(name, settings.templates, undefined, label);
  return target.generate({
    ir,
    templates,
    header: settings.header,
    options: settings.targetOptions[name] ?? {},
    presence: settings.presence,
    mapped: mappedIn(ir, settings.mapped ?? {}, name) as TargetContext["mapped"],
    ...(reuse ? { reuse } : {}),
  });
}
