// SemVer 2.0 as Cargo and Mix check it: numbers without leading zeros (an API versioned "19.02.1"
// is no SemVer, and either tool refuses a package that says it is), dotted pre-release and build
// identifiers. Rust's crateVersion option and Elixir's version option are held to it, and so is
// the spec's version before either takes it as the package's.
const NUMBER = "(?:0|[1-9]\\d*)";
const PRE_RELEASE = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD = "[0-9A-Za-z-]+";
const CORE = `${NUMBER}\\.${NUMBER}\\.${NUMBER}`;

/** The pattern as a JSON Schema `pattern` (options schemas) and a RegExp source. */
export const SEMVER_PATTERN = `^${CORE}(?:-${PRE_RELEASE}(?:\\.${PRE_RELEASE})*)?(?:\\+${BUILD}(?:\\.${BUILD})*)?$`;

const SEMVER = new RegExp(SEMVER_PATTERN);

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}
