// The IR stage's entry: a loaded spec set in, a closed IR document out.
export { normalize } from "./normalize/index.js";
export type * from "./types.js";
