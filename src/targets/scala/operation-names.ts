// Names in the operation index (Operations.scala): one object per operation, named from the
// operation's name words, and one type member per part (`Params`, `Request`, `RequestForm`,
// `Response200`, `ResponseDefault`). Every name comes from a NameScope claimed in a fixed order,
// so the same spec always gives the same, collision-free names.
import { isPlainJson } from "../../common/media-types.js";
import type { Operation, OperationBody, OperationResponse } from "../../ir/types.js";
import { NameScope } from "../../naming/scope.js";
import { hintWords, pascalCase, splitWords } from "../../naming/words.js";
import { escapeReserved, typeName } from "./naming.js";
import { SCALA_RESERVED_TYPE_NAMES } from "./reserved.js";

/** The index's own trait, declared beside the operation objects. */
export const OPERATION_TRAIT = "Operation";

/**
 * The object name of every operation, by operation id. Operations with an `operationId` claim
 * first (their names are the spec author's), then derived ones, each group in id order. The scope
 * is case-insensitive because every object becomes a class file. Names the index's own code uses
 * (`List`, `Some`, `Option`, the `Operation` trait) are reserved: an object of that name would hide them.
 */
export function operationObjectNames(operations: readonly Operation[]): Map<string, string> {
  const reserved = new Set([...SCALA_RESERVED_TYPE_NAMES, OPERATION_TRAIT]);
  const scope = new NameScope(reserved, true);
  const names = new Map<string, string>();
  const ordered = [...operations.filter((o) => o.operationId !== undefined), ...operations.filter((o) => o.operationId === undefined)];
  for (const op of ordered) {
    const candidate = typeName(hintWords(op.name.length ? op.name : ["Operation"]));
    names.set(op.id, scope.claim(scope.isFree(candidate) || !reserved.has(candidate) ? candidate : escapeReserved(candidate, "type")));
  }
  return names;
}


/** `application/merge-patch+json; charset=utf-8` -> `MergePatchJson`. */
export function mediaTypeWord(mediaType: string): string {
  const subtype = mediaType.split(";")[0]!.trim().split("/")[1] ?? mediaType;
  return pascalCase(splitWords(subtype));
}

/** `200`, `4XX` as written (upper case); `default` -> `Default`. */
export function statusWord(status: string): string {
  return /^[1-5](?:\d\d|xx)$/i.test(status) ? status.toUpperCase() : pascalCase(splitWords(status));
}

/** Of several media types for one part, the first plain JSON one (else the first) takes the plain name. */
function primaryOf<T extends { mediaType: string }>(parts: readonly T[]): T | undefined {
  return parts.find((p) => isPlainJson(p.mediaType)) ?? parts[0];
}

export interface PartNames {
  params?: string;
  /** One per request body, in the operation's order. */
  requests: string[];
  /** One per response, in the operation's order. */
  responses: string[];
}

/**
 * The type members of one operation's object: `Params`; `Request` for the primary body, then
 * `RequestForm`, `RequestMultipart` or `Request<MediaType>` for the others; `Response<Status>`
 * per status, with `<MediaType>` added for a status's other media types.
 */
export function partNames(op: Pick<Operation, "params" | "requests" | "responses">): PartNames {
  const scope = new NameScope(SCALA_RESERVED_TYPE_NAMES, true);
  const out: PartNames = { requests: [], responses: [] };
  if (op.params) out.params = scope.claim("Params");
  const primaryRequest = primaryOf(op.requests);
  out.requests = op.requests.map((r) => scope.claim(`Request${r === primaryRequest ? "" : requestSuffix(r)}`));
  const primaryByStatus = new Map<string, OperationResponse>();
  for (const status of new Set(op.responses.map((r) => r.status))) {
    primaryByStatus.set(status, primaryOf(op.responses.filter((r) => r.status === status))!);
  }
  out.responses = op.responses.map((r) => {
    const base = `Response${statusWord(r.status)}`;
    return scope.claim(primaryByStatus.get(r.status) === r ? base : `${base}${mediaTypeWord(r.mediaType)}`);
  });
  return out;
}

function requestSuffix(r: OperationBody): string {
  if (r.kind === "form") return "Form";
  if (r.kind === "multipart") return "Multipart";
  return mediaTypeWord(r.mediaType);
}
