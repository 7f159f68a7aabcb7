// The conformance suite's judge is the tool's own (src/examples/judge.ts): when it finds a problem,
// the example contradicts the spec; when it finds none but a language fails to round-trip the
// example, our generator is wrong.
import type { ModelIndex } from "../../src/ir/query.js";
import type { TypeExpr } from "../../src/ir/types.js";
import type { PresencePolicy } from "../../src/targets/target.js";
import { judge, type Problem } from "../../src/examples/judge.js";

export { isObject, type Problem } from "../../src/examples/judge.js";

export function validate(value: unknown, type: TypeExpr, models: ModelIndex, presence: PresencePolicy): Problem[] {
  return judge(value, type, models, presence);
}
