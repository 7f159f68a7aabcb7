// Odd values for enums, consts and descriptions: strings that case to the same name, start with a
// digit, are empty, are reserved words, or carry comment and string delimiters of the targets.

export const STRING_VALUES: readonly string[] = [
  "", "a-b", "A_B", "a_b", "1st", "with space", "null", "true", "nil", "None", "self", "Self", "type",
  "Ünï", "a.b/c", "ok", "OK", "Ok", "+1", "-1", "_", "$ref", "#{x}", "\"quoted\"", "back\\slash", "*/", "thread.run",
];

export const INTEGER_VALUES: readonly number[] = [-1, 0, 1, 2, 7, 42, -9007199254740991, 1099511627776];

export const NUMBER_VALUES: readonly number[] = [0.5, -1.5, 2, 1e10, 3.25, 0.1];

/** Value names for x-enum-varnames / x-enumNames and const titles; some collide after casing. */
export const VALUE_NAMES: readonly string[] = ["Alpha", "ALPHA", "beta", "Beta_Two", "gamma-ray", "Delta", "Self", "None", "type", "Unknown", "_1"];

/** Descriptions that end a comment, open one (Scala's nest), interpolate, or quote the targets' heredocs. */
export const DESCRIPTIONS: readonly string[] = [
  "An object.",
  "Described *with* `markdown` and a */ comment end.",
  "Opens a /* nested comment.",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Scala's interpolation, written literally on purpose
  'Elixir heredoc """ and #{interpolation}, Scala ${interpolation}.',
  "A back\\slash at the end\\",
  "Line one.\n\nLine two with <html> & @param x and ```code```.",
];

/** Titles of inline schemas (they name hoisted models): colliding after casing, reserved, odd. */
export const BRANCH_TITLES: readonly string[] = ["Pet", "pet", "Option", "a b", "A_B", "Tagged Thing", "Self", "Unknown", "1st", "Value"];
