// How long each language takes to render relative to the others (1 = typical; measured on the
// large OpenAI spec with `npm run bench`). Scheduling knowledge, so it lives with the scheduler and
// not on the language contract: it only balances the languages between the two render threads and
// never changes output. A language missing here counts as typical.
export const RENDER_WEIGHTS: Readonly<Record<string, number>> = {
  typescript: 0.6,
  rust: 1,
  elixir: 0.9,
  scala: 1.1,
};

export function renderWeight(target: string): number {
  return RENDER_WEIGHTS[target] ?? 1;
}
