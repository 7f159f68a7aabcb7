// Every target folder holds a .gitattributes that turns git's line-ending conversion off for its
// files. Git for Windows converts LF to CRLF on checkout by default (core.autocrlf); a checkout of
// committed models then held other bytes than the manifest's hashes, so `generate --check` found
// every file stale, and a regeneration wrote every file again (git, converting back on commit,
// showed no change). `-text` keeps the bytes as generated on every platform, a CR a description
// holds included (`eol=lf` would convert that one on commit); diffs are shown as before.
import type { OutputFile } from "../targets/target.js";

export const GIT_ATTRIBUTES_FILE = ".gitattributes";

const CONTENTS = [
  "# Written by openapi-modelgen. Git keeps these files' bytes as generated, converting no line",
  "# endings on any platform, so the manifest's hashes and `generate --check` hold on Windows too.",
  "* -text",
  "",
].join("\n");

export function gitAttributesFile(): OutputFile {
  return { path: GIT_ATTRIBUTES_FILE, contents: CONTENTS };
}
