// Type-checks files with the TypeScript compiler API (no separate process), with the strict
// settings the generated code promises to pass.
import path from "node:path";
import ts from "typescript";

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: false,
  types: [],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
};

export interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

export function typecheck(rootNames: string[], options: ts.CompilerOptions = STRICT_OPTIONS): Diagnostic[] {
  const program = ts.createProgram(rootNames, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return {
      file: d.file ? path.basename(d.file.fileName) : "",
      line: pos ? pos.line + 1 : 0,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    };
  });
}

export function formatDiagnostics(diags: Diagnostic[], max = 15): string {
  return diags.slice(0, max).map((d) => `${d.file}:${d.line}: ${d.message.split("\n")[0]}`).join("\n");
}
