// Wall-clock time per pipeline phase, for `generate --timings` and the benchmark.

/**
 * Milliseconds from an arbitrary start, from the process's high-resolution clock: the `performance`
 * global loads Node's perf_hooks on first use (~1-2.5 ms of every run, compiled from source once
 * the CLI has set a V8 flag), for the same clock.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export class Timings {
  private readonly start = now();
  private readonly phases = new Map<string, number>();
  private readonly notes: string[] = [];

  /** @param onPhase told when each phase starts (a progress line on a terminal). */
  constructor(private readonly onPhase?: (phase: string) => void) {}

  measure<T>(phase: string, fn: () => T): T {
    this.onPhase?.(phase);
    const t0 = now();
    try {
      return fn();
    } finally {
      this.phases.set(phase, (this.phases.get(phase) ?? 0) + now() - t0);
    }
  }

  async measureAsync<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    this.onPhase?.(phase);
    const t0 = now();
    try {
      return await fn();
    } finally {
      this.phases.set(phase, (this.phases.get(phase) ?? 0) + now() - t0);
    }
  }

  /** Adds a phase measured elsewhere (in the render worker). */
  record(phase: string, ms: number): void {
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + ms);
  }

  /** A line printed after the phases (how much work a phase could skip). */
  note(text: string): void {
    this.notes.push(text);
  }

  totalMs(): number {
    return now() - this.start;
  }

  entries(): [string, number][] {
    return [...this.phases.entries()];
  }

  format(): string {
    const rows = this.entries().map(([p, ms]) => `  ${p.padEnd(24)} ${ms.toFixed(1).padStart(9)} ms`);
    const notes = this.notes.map((n) => `  ${n}\n`).join("");
    return `timings:\n${rows.join("\n")}\n  ${"total".padEnd(24)} ${this.totalMs().toFixed(1).padStart(9)} ms\n${notes}`;
  }
}
