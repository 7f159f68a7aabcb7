// The IR as the main thread sends it to the render worker: without the models' and fields' source
// positions. No target prints a position (test/emit/incremental.test.ts renders with them moved
// and with them gone), yet each model and field holds one (file, line, column and pointer: ~23,000
// objects and twice as many strings on the 3 MB OpenAI spec, ~30% of the IR's serialized bytes)
// that postMessage would copy and the worker would rebuild, keep and collect. They are set aside in
// place for the synchronous send and put back before anything on this thread reads the IR again;
// a property set to undefined keeps its object's hidden class, where a copy of the IR would cost
// what it saves.
import type { IrDocument } from "../ir/types.js";
import type { SourceRef } from "../common/source.js";

/** Calls `send` (which must copy the IR synchronously, as postMessage does) while the IR's model and field positions are undefined. */
export function withoutSources<T>(ir: IrDocument, send: () => T): T {
  const holders: { source: SourceRef | undefined }[] = [];
  const sources: (SourceRef | undefined)[] = [];
  const setAside = (holder: { source: SourceRef | undefined }) => {
    holders.push(holder);
    sources.push(holder.source);
    holder.source = undefined;
  };
  const models = ir.models;
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    setAside(m);
    if (m.kind === "object") for (let j = 0; j < m.fields.length; j++) setAside(m.fields[j]!);
  }
  try {
    return send();
  } finally {
    for (let i = 0; i < holders.length; i++) holders[i]!.source = sources[i];
  }
}
