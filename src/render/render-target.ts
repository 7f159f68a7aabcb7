// Renders one target from the IR: the step shared by the main thread and the render worker.
import type { IrDocument } from "../ir/types.js";
import { TARGETS } from "../targets/registry.js";
import type { OutputFile, PresencePolicy } from "../targets/target.js";
import { loadTemplates } from "../emit/templates.js";

/** Everything a target needs besides the IR; plain data, so it can cross to a worker thread. */
export interface RenderSettings {
  header: string[];
  presence: PresencePolicy;
  targetOptions: Record<string, Record<string, unknown>>;
}

export async function renderTarget(name: string, ir: IrDocument, settings: RenderSettings): Promise<OutputFile[]> {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no target named ${name}`);
  return target.generate({ ir, templates: loadTemplates(name), header: settings.header, options: settings.targetOptions[name] ?? {}, presence: settings.presence });
}
