// Every target the tool knows: adding a language is one folder, one template folder and one line here.
import type { Target } from "./target.js";
import { typescriptTarget } from "./typescript/index.js";
import { rustTarget } from "./rust/index.js";
import { elixirTarget } from "./elixir/index.js";
import { scalaTarget } from "./scala/index.js";

export const TARGETS: readonly Target[] = [
  typescriptTarget,
  rustTarget,
  elixirTarget,
  scalaTarget,
];

export const TARGET_NAMES = TARGETS.map((t) => t.name);
