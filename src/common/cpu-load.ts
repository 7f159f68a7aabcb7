// How busy the cores are as a run starts, for choosing whether a worker thread pays (the stat worker,
// src/emit/stat-prefetch.ts). The 1-minute load average trails by a minute: a run started right
// after others (a bench, a watch loop, CI steps one after another) saw their load on a machine now
// idle, ~1.4 on 2 cores, and kept the worker off (a one-schema regeneration of the 3 MB OpenAI spec
// then took ~15 ms longer: 484 against 469 ms, 21 interleaved pairs). Linux says how many tasks are
// runnable at this moment (the fourth field of /proc/loadavg, this thread among them); elsewhere the
// load average stands in.
import { readFileSync } from "node:fs";
import os from "node:os";

/** Readings taken: the fewest runnable counts, as one other task may be runnable for an instant. */
const READINGS = 3;

/**
 * The cores busy now, this thread included (comparable to a load average, which counts it too): the
 * fewest tasks runnable in a few readings of /proc/loadavg, else the 1-minute load average.
 */
export function loadNow(read: () => string = () => readFileSync("/proc/loadavg", "latin1")): number {
  let fewest = Number.POSITIVE_INFINITY;
  try {
    for (let i = 0; i < READINGS; i++) fewest = Math.min(fewest, runnableOf(read()) ?? Number.POSITIVE_INFINITY);
  } catch {
    // No /proc (not Linux): the load average.
  }
  return Number.isFinite(fewest) ? fewest : os.loadavg()[0]!;
}

/** The tasks runnable now in /proc/loadavg's text (`0.50 0.40 0.30 2/345 6789`), or undefined when it is not of that form. */
export function runnableOf(text: string): number | undefined {
  const field = /^\S+ \S+ \S+ (\d+)\/\d+ /.exec(text)?.[1];
  const n = field === undefined ? Number.NaN : Number(field);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}
