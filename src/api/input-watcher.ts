// Watches the inputs of the last run. Folders are watched, not files: an editor that saves by
// writing a new file and renaming it over the old one (a new inode) is still seen, and so is a
// file created after a run failed because it was missing. Events are filtered by name, so the
// generator's own writes (output folders, lock files) never wake it.
import { existsSync, readdirSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { InputSet } from "./inputs.js";

export class InputWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();
  private folders = new Set<string>();

  /**
   * @param onChange told the absolute path of each input that changed (a folder input's file, or the folder when the
   * platform gives no name).
   */
  constructor(private readonly onChange: (absPath: string) => void) {}

  /** Watches exactly these inputs from now on. */
  update(inputs: InputSet): void {
    this.files = new Set(inputs.files);
    this.folders = new Set(inputs.folders);
    const wanted = new Set<string>();
    for (const file of this.files) {
      const dir = path.dirname(file);
      if (existsSync(dir)) wanted.add(dir);
    }
    for (const folder of this.folders) for (const dir of foldersUnder(folder)) wanted.add(dir);
    for (const [dir, w] of this.watchers) {
      if (!wanted.has(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) if (!this.watchers.has(dir)) this.open(dir);
  }

  /** How many files and folders are watched (for the start-up line). */
  count(): number {
    return this.files.size + this.folders.size;
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private open(dir: string): void {
    let w: FSWatcher;
    try {
      w = watch(dir, { persistent: true }, (_event, name) => {
        const changed = this.relevant(dir, name);
        if (changed !== undefined) this.onChange(changed);
      });
    } catch {
      return; // gone since it was listed; the next update watches what exists then
    }
    // A watched folder that is deleted ends its watcher; tell the run, which will find out why.
    w.on("error", () => {
      w.close();
      this.watchers.delete(dir);
      this.onChange(dir);
    });
    this.watchers.set(dir, w);
  }

  private relevant(dir: string, name: string | Buffer | null): string | undefined {
    const inFolder = [...this.folders].some((f) => dir === f || dir.startsWith(f + path.sep));
    if (name === null) return inFolder || [...this.files].some((f) => path.dirname(f) === dir) ? dir : undefined;
    const full = path.join(dir, name.toString());
    return inFolder || this.files.has(full) ? full : undefined;
  }
}

function foldersUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const out = [folder];
  for (const e of readdirSync(folder, { withFileTypes: true })) if (e.isDirectory()) out.push(...foldersUnder(path.join(folder, e.name)));
  return out;
}
