// File names Windows reserves for devices: CON, PRN, AUX, NUL, COM0-9 and LPT0-9 (with ¹, ² and ³
// too), in any case and with any extension (`aux.rs` is AUX). A repository holding one cannot be
// checked out there (git: "invalid path"), so no generated file or folder may take one: each target
// reserves the type names whose file would (a model named `Aux` is `AuxModel` in TypeScript, as
// `Index` is), and the folders named after the spec's title step around them.

const DEVICES = ["con", "prn", "aux", "nul"];
const PORTS = ["com", "lpt"];
const DIGITS = [..."0123456789"];

const RESERVED: ReadonlySet<string> = new Set([...DEVICES, ...PORTS.flatMap((port) => [...DIGITS, "¹", "²", "³"].map((n) => port + n))]);

/** Whether a file or folder name is one Windows reserves: its part before the first dot, in any case. */
export function isWindowsDeviceName(name: string): boolean {
  const dot = name.indexOf(".");
  return RESERVED.has((dot === -1 ? name : name.slice(0, dot)).toLowerCase());
}

/**
 * The type names, as the naming pass spells them (PascalCase: `Aux`, `Com1`; an identifier has no
 * superscript digit), whose file would be such a name in some language (`Aux.ts`, `aux.rs`,
 * `aux.ex`, `Aux.scala`): every target reserves them.
 */
export const WINDOWS_DEVICE_TYPE_NAMES: readonly string[] = [...DEVICES, ...PORTS.flatMap((port) => DIGITS.map((n) => port + n))].map(
  (n) => n[0]!.toUpperCase() + n.slice(1),
);
