// Test helper: is a toolchain here? `npm test` installs missing ones first (scripts/install-toolchains.sh);
// if one is still missing, a CI run fails (never skips), and a local run skips with the reason.
import { execFileSync } from "node:child_process";

export const IN_CI = process.env.CI === "true" || process.env.CI === "1";

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync("bash", ["-lc", `command -v ${cmd}`], { stdio: "ignore", env: withToolPaths() });
    return true;
  } catch {
    return false;
  }
}

/** PATH with the places rustup and Debian put toolchains, for child processes. */
export function withToolPaths(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const home = env.HOME ?? "/root";
  return { ...env, PATH: `${home}/.cargo/bin:/usr/local/bin:/usr/bin:/bin:${env.PATH ?? ""}` };
}

/**
 * Returns true when all commands exist. When one is missing: throws in CI, or returns false
 * (the caller skips, e.g. `describe.skipIf(!haveToolchain(...))`) on a developer machine.
 */
export function haveToolchain(name: string, commands: string[]): boolean {
  const missing = commands.filter((c) => !hasCommand(c));
  if (missing.length === 0) return true;
  const why = `${name} toolchain missing (${missing.join(", ")}); run scripts/install-toolchains.sh`;
  if (IN_CI) throw new Error(`${why}. CI=true: a missing toolchain fails the run.`);
  console.warn(`skipping ${name} compile checks: ${why}`);
  return false;
}
