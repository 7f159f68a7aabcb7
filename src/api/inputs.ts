// Every file a run read, so `generate --watch` watches exactly those: spec files (however many a
// multi-file spec has), the config file, the template folder, and whatever a later setting adds
// (overlays) as long as it reports its reads here.
import path from "node:path";

export class InputSet {
  /** Absolute paths of files read (or looked for: a config file that may be created later). */
  readonly files = new Set<string>();
  /** Absolute paths of folders whose whole contents were read (the templates). */
  readonly folders = new Set<string>();

  addFile = (file: string): void => {
    this.files.add(path.resolve(file));
  };

  addFolder(folder: string): void {
    this.folders.add(path.resolve(folder));
  }

  /** Files then folders, each sorted: a stable list for results and messages. */
  list(): string[] {
    return [...[...this.files].sort(), ...[...this.folders].sort()];
  }
}
