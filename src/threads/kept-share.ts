// How much of a regeneration's rendering its previous run's files spare, known before it renders:
// what chooses between one thread and two (render-all.ts, KEPT_SHARE_FOR_ONE_THREAD). A model whose
// IR snapshot is unchanged keeps its files only in a folder whose shared basis is the previous run's
// (emit/reuse.ts: the settings, templates and file header, which shows the spec's version, and the
// operations); an update of a real spec usually changes its version, and then every file of every
// language renders again, as on a first run, while nearly every model is unchanged. Which threads
// render never changes the output, only how long it takes.
import type { IrDocument } from "../ir/types.js";
import { previousSharedBasis, sharedBasis } from "../emit/reuse.js";
import { renderWeight } from "./render-weights.js";

export interface KeptShareJob {
  target: string;
  dir: string;
  renderBasis: string;
}

/**
 * The share of the rendering a regeneration is spared, by each language's render weight: the share
 * of models whose snapshot is unchanged (`same`) in every folder whose shared basis did not change,
 * none in the others. A folder whose units file does not say (an earlier release wrote it) counts as
 * unchanged. Undefined without a previous snapshot (a first run).
 */
export function keptShareOf(ir: IrDocument, jobs: readonly KeptShareJob[], same: ReadonlySet<string> | undefined): number | undefined {
  if (same === undefined || ir.models.length === 0) return undefined;
  const unchanged = same.size / ir.models.length;
  let all = 0;
  let spared = 0;
  for (const job of jobs) {
    const weight = renderWeight(job.target);
    all += weight;
    const before = previousSharedBasis(job.dir);
    if (before === undefined || before === sharedBasis(job.renderBasis, ir)) spared += weight;
  }
  return all === 0 ? unchanged : (unchanged * spared) / all;
}
