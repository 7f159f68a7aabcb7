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
 * The share of the rendering a regeneration is spared, by each language's render weight: in a folder
 * whose shared basis did not change, the share of models whose snapshot is unchanged (`same`); in
 * one whose basis changed, none. A folder whose units file does not say (an earlier release wrote
 * it) counts as unchanged. The language that renders the most is left out: the threads take whole
 * languages, so a second thread pays only when another language renders much too (one language's
 * options changed: it renders everything, the others keep theirs, and one thread is as fast).
 * Undefined without a previous snapshot (a first run).
 */
export function keptShareOf(ir: IrDocument, jobs: readonly KeptShareJob[], same: ReadonlySet<string> | undefined): number | undefined {
  if (same === undefined || ir.models.length === 0) return undefined;
  const unchanged = same.size / ir.models.length;
  const folders = jobs.map((job) => {
    const before = previousSharedBasis(job.dir);
    const kept = before === undefined || before === sharedBasis(job.renderBasis, ir) ? unchanged : 0;
    const weight = renderWeight(job.target);
    return { weight, kept, rendered: weight * (1 - kept) };
  });
  // Without the one that renders the most (the first of equals).
  const most = folders.reduce((m, f, i) => (f.rendered > folders[m]!.rendered ? i : m), 0);
  const rest = folders.length > 1 ? folders.filter((_, i) => i !== most) : folders;
  // Render weights are positive (render-weights.ts), so the sum never is 0.
  return rest.reduce((sum, f) => sum + f.weight * f.kept, 0) / rest.reduce((sum, f) => sum + f.weight, 0);
}
