// Operations of `paths`, `webhooks` and callbacks: their request bodies, responses and parameters
// become models named after the operation (`<Op>Request`, `<Op>Response`, `<Op>Error404`,
// `<Op>Params`), never numbered by position, so names stay put when other operations change.
import { appendPointer, parsePointer } from "../../load/pointer.js";
import { hintWords, pascalCase, splitWords } from "../../naming/words.js";
import { compareStrings } from "../../common/order.js";
import type {
  BodyKind,
  Field,
  ModelOrigin,
  ObjectModel,
  Operation,
  OperationBody,
  OperationResponse,
  ParameterLocation,
} from "../types.js";
import type { At, NormalizeContext } from "./context.js";
import { docsOf, isSchemaObject, mergeDocs } from "./keywords.js";
import { objectDocs, partType } from "./parts.js";
import { typeOf } from "./schema-to-type.js";
import { copyDefault } from "./exact-digits.js";
import { isPlainJson } from "../../common/media-types.js";
import { bodyKind, entriesOf, follow, HTTP_METHODS, isJsonFallback, responseKind, type Located } from "./spec-objects.js";
import path from "node:path";
import { TrackedMap } from "./incremental/recorder.js";
import type { WalkRoot } from "./incremental/walk.js";

/** Which classes of models are built (config `models`); each off switch removes that class only. */
export interface ModelSwitches {
  components: boolean;
  operations: boolean;
  parameters: boolean;
  webhooks: boolean;
}

export const ALL_MODELS: ModelSwitches = { components: true, operations: true, parameters: true, webhooks: true };

/** What a path item's operations share: how they are named and where their models come from. */
interface PathItemScope {
  kind: Operation["kind"];
  /** The path template, webhook key or callback expression. */
  path: string;
  /** Words naming things of the path item itself (its parameters' inline schemas). */
  words: string[];
  /** The name of an operation without an operationId. */
  derivedName(method: string): string[];
  origin: ModelOrigin;
  callbackOf?: Operation["callbackOf"];
}

export class OperationWalker {
  /** Operations by id (undefined: claimed, or without models); tracked, so the incremental walk can record and reuse them. */
  readonly operations = new TrackedMap<Operation | undefined>("o");

  constructor(
    private readonly n: NormalizeContext,
    private readonly switches: ModelSwitches,
  ) {}

  /** One root per path item, then per webhook; `operationList` gives what they found. */
  roots(): WalkRoot[] {
    const n = this.n;
    const root: Located = { doc: n.specs.root, pointer: "", value: n.specs.root.value as Record<string, unknown> };
    const roots: WalkRoot[] = [];
    if (this.switches.operations) {
      for (const [key, item, pointer] of entriesOf(root, "paths")) {
        roots.push({
          pointer,
          run: () => {
            const words = splitWords(key);
            this.walkPathItem(follow(n, root.doc, pointer, item, "a path item"), {
              kind: "path",
              path: key,
              words,
              derivedName: (method) => [method, ...words],
              origin: "operation",
            });
          },
        });
      }
    }
    if (this.switches.webhooks) {
      for (const [key, item, pointer] of entriesOf(root, "webhooks")) {
        roots.push({
          pointer,
          run: () =>
            this.walkPathItem(follow(n, root.doc, pointer, item, "a path item"), {
              kind: "webhook",
              path: key,
              words: [key],
              derivedName: (method) => [key, method],
              origin: "webhook",
            }),
        });
      }
    }
    return roots;
  }

  operationList(): Operation[] {
    return [...this.operations.values()].filter((o): o is Operation => o !== undefined).sort((a, b) => compareStrings(a.id, b.id));
  }

  private walkPathItem(item: Located, scope: PathItemScope): void {
    const shared = this.parameterList(item);
    for (const method of HTTP_METHODS) {
      if (item.value[method] === undefined) continue;
      const opPointer = appendPointer(item.pointer, method);
      const op = follow(this.n, item.doc, opPointer, item.value[method], "an operation");
      this.walkOperation(op, method, scope, shared);
    }
  }

  private walkOperation(op: Located, method: string, scope: PathItemScope, shared: Located[]): void {
    const n = this.n;
    const id = n.specs.idOf(op.doc, op.pointer);
    if (this.operations.has(id)) return; // the same operation file referenced from two path items
    const operationId = typeof op.value.operationId === "string" && op.value.operationId.trim() !== "" ? op.value.operationId : undefined;
    const name = operationId ? [operationId] : scope.derivedName(method);
    const docs = objectDocs(op.value);
    const source = n.specs.locate(op.doc, op.value, undefined, op.pointer);
    this.operations.set(id, undefined); // claimed before the callbacks, which may lead back here
    const params = this.switches.parameters ? this.paramsModel(op, name, scope, shared, docs) : undefined;
    const operation: Operation = {
      id,
      ...(operationId ? { operationId } : {}),
      name,
      method,
      path: scope.path,
      kind: scope.kind,
      ...(scope.callbackOf ? { callbackOf: scope.callbackOf } : {}),
      ...(tagsOf(op.value).length ? { tags: tagsOf(op.value) } : {}),
      docs,
      source,
      ...(params ? { params } : {}),
      requests: this.requestBodies(op, name, scope.origin, docs),
      responses: this.responses(op, name, scope.origin, docs),
    };
    this.operations.set(id, operation);
    for (const [key, callback, pointer] of entriesOf(op, "callbacks")) {
      const cb = follow(n, op.doc, pointer, callback, "a callback");
      for (const [expression, item] of Object.entries(cb.value)) {
        if (expression.startsWith("x-")) continue;
        this.walkPathItem(follow(n, cb.doc, appendPointer(cb.pointer, expression), item, "a path item"), {
          kind: "callback",
          path: expression,
          words: [...name, key],
          derivedName: (m) => [...name, key, m],
          origin: scope.origin,
          callbackOf: { operation: id, name: key },
        });
      }
    }
    if (!operation.params && operation.requests.length === 0 && operation.responses.length === 0) this.operations.set(id, undefined);
  }

  /** The `parameters` list of a path item or operation, each followed through its `$ref`. */
  private parameterList(owner: Located): Located[] {
    const list = owner.value.parameters;
    if (list === undefined) return [];
    if (!Array.isArray(list))
      throw this.n.error({ doc: owner.doc, pointer: owner.pointer, schema: owner.value }, "parameters", "`parameters` must be a list");
    return list.map((p, i) => follow(this.n, owner.doc, appendPointer(owner.pointer, "parameters", i), p, "a parameter"));
  }

  /** Path-item parameters merged with the operation's (the operation's win), as one object model. */
  private paramsModel(op: Located, name: string[], scope: PathItemScope, shared: Located[], docs: Operation["docs"]): string | undefined {
    const n = this.n;
    const own = this.parameterList(op);
    const keyOf = (p: Located) => `${String(p.value.in)}:${String(p.value.name)}`;
    const overridden = new Set(own.map(keyOf));
    const merged = [
      ...shared.filter((p) => !overridden.has(keyOf(p))).map((p) => ({ p, words: scope.words })),
      ...own.map((p) => ({ p, words: name })),
    ].filter(({ p }) => this.named(p));
    if (merged.length === 0) return undefined;
    const id = n.specs.idOf(op.doc, appendPointer(op.pointer, "parameters"));
    if (n.models.has(id)) return id;
    const fields: Field[] = [];
    const seen = new Set<string>();
    for (const { p, words } of merged) {
      const field = this.parameterField(p, modelHint(words, "Params"));
      if (seen.has(field.name)) {
        n.report(
          "ignored-keyword",
          { doc: p.doc, pointer: p.pointer, schema: p.value },
          `parameter "${field.name}" appears twice (in ${field.parameter?.in}); the first is kept`,
        );
        continue;
      }
      seen.add(field.name);
      fields.push(field);
    }
    const model: ObjectModel = {
      id,
      kind: "object",
      nameHint: modelHint(name, "Params"),
      docs,
      source: n.specs.locate(op.doc, op.value, own.length ? "parameters" : undefined, op.pointer),
      origin: "parameters",
      fields,
    };
    n.models.set(id, model);
    return id;
  }

  /**
   * Whether a parameter has a name to be a field by. An empty one (specs exported from request
   * collections have them) is skipped with a report rather than failing the run; a missing one is
   * an error in parameterField.
   */
  private named(p: Located): boolean {
    if (p.value.name !== "") return true;
    this.n.report("ignored-keyword", { doc: p.doc, pointer: p.pointer, schema: p.value }, "a parameter with an empty `name` is skipped");
    return false;
  }

  private parameterField(p: Located, ownerHint: string[]): Field {
    const n = this.n;
    const at = { doc: p.doc, pointer: p.pointer, schema: p.value };
    const wire = p.value.name;
    if (typeof wire !== "string") throw n.error(at, "name", "a parameter needs a `name`");
    const where = p.value.in;
    if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") {
      throw n.error(at, "in", `parameter "${wire}" has \`in: ${JSON.stringify(where)}\`; expected path, query, header or cookie`);
    }
    const parameter: ParameterLocation = { in: where };
    if (typeof p.value.style === "string") parameter.style = p.value.style;
    if (typeof p.value.explode === "boolean") parameter.explode = p.value.explode;
    // A parameter reached through a $ref is named by where it is defined, so every operation agrees.
    const hint = p.viaRef ? refWords(p) : [...ownerHint, wire];
    const schemaAt = this.parameterSchema(p);
    const use = schemaAt ? typeOf(n, schemaAt, hint) : { type: { kind: "unknown" as const }, docs: {} };
    const field: Field = {
      name: wire,
      type: use.type,
      required: where === "path" || p.value.required === true,
      docs: mergeDocs(docsOf(p.value), use.docs),
      source: n.specs.locate(p.doc, p.value, undefined, p.pointer),
      parameter,
    };
    copyDefault(use, field);
    return field;
  }

  /** `schema`, or the schema of the first media type of `content`. */
  private parameterSchema(p: Located): At | undefined {
    const n = this.n;
    if (p.value.schema !== undefined) {
      return n.child(
        { doc: p.doc, pointer: p.pointer, schema: p.value, owner: appendPointer(p.pointer, "schema") },
        "schema",
        p.value.schema,
      );
    }
    const [first] = entriesOf(p, "content");
    if (first && isSchemaObject(first[1]) && first[1].schema !== undefined) {
      const pointer = appendPointer(first[2], "schema");
      return n.child({ doc: p.doc, pointer: first[2], schema: first[1], owner: pointer }, "schema", first[1].schema);
    }
    return undefined;
  }

  private requestBodies(op: Located, name: string[], origin: ModelOrigin, opDocs: Operation["docs"]): OperationBody[] {
    const n = this.n;
    if (op.value.requestBody === undefined) return [];
    const body = follow(n, op.doc, appendPointer(op.pointer, "requestBody"), op.value.requestBody, "a request body");
    const docs = mergeDocs(objectDocs(body.value), opDocs);
    const out: OperationBody[] = [];
    const [base, partOrigin] = body.viaRef ? [refWords(body), refOrigin(n, body)] : [[...name, "Request"], origin];
    for (const media of mediaSchemas(n, body, bodyKind)) {
      const kind = media.kind;
      const type = partType(n, media.at, {
        hint: modelHint(base, ...media.suffix),
        origin: partOrigin,
        mediaType: media.mediaType,
        docs,
      });
      out.push({ mediaType: media.mediaType, kind, type, required: body.value.required === true });
    }
    return out;
  }

  private responses(op: Located, name: string[], origin: ModelOrigin, opDocs: Operation["docs"]): OperationResponse[] {
    const n = this.n;
    const found: { status: string; response: Located; media: MediaSchema[] }[] = [];
    for (const [status, value, pointer] of entriesOf(op, "responses")) {
      const response = follow(n, op.doc, pointer, value, "a response");
      found.push({ status, response, media: mediaSchemas(n, response, responseKind) });
    }
    const successes = found.filter((r) => isSuccess(r.status) && r.media.length > 0);
    const out: OperationResponse[] = [];
    for (const { status, response, media } of found) {
      const words = isSuccess(status)
        ? successes.length === 1
          ? ["Response"]
          : ["Response", status]
        : ["Error", status === "default" ? "Default" : status];
      const docs = mergeDocs(objectDocs(response.value), opDocs);
      // A shared response (components.responses, another file) is named where it is defined.
      const [base, partOrigin] = response.viaRef ? [refWords(response), refOrigin(n, response)] : [[...name, ...words], origin];
      for (const m of media) {
        const type = partType(n, m.at, { hint: modelHint(base, ...m.suffix), origin: partOrigin, mediaType: m.mediaType, docs });
        out.push({ status, mediaType: m.mediaType, type });
      }
    }
    return out;
  }
}

/**
 * The schemas of `content` whose media type `kindOf` gives a kind of body; the others are listed in
 * the report. The first plain `application/json` (else the first taken) takes the plain name; others
 * add words. With no media type of a kind, the first JSON fallback with a schema (isJsonFallback:
 * `text/json`, the wildcards) is read as JSON: only then, so a content that lists it beside
 * `application/json` makes one model, and only the first, so the model keeps the plain name.
 */
export function mediaSchemas(n: NormalizeContext, owner: Located, kindOf: (mediaType: string) => BodyKind | undefined): MediaSchema[] {
  const entries = entriesOf(owner, "content");
  const kinds: (BodyKind | undefined)[] = entries.map(([mediaType]) => kindOf(mediaType));
  if (!kinds.some((k) => k !== undefined)) {
    const fallback = entries.findIndex(([type, media]) => isJsonFallback(type) && isSchemaObject(media) && media.schema !== undefined);
    if (fallback !== -1) kinds[fallback] = "json";
  }
  const kept: { mediaType: string; kind: BodyKind; at: At }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const [mediaType, media, pointer] = entries[i]!;
    const kind = kinds[i];
    if (kind === undefined) {
      n.report("ignored-media-type", { doc: owner.doc, pointer, schema: media }, `media type "${mediaType}" gets no model`);
      continue;
    }
    if (!isSchemaObject(media) || media.schema === undefined) continue;
    const schemaPointer = appendPointer(pointer, "schema");
    kept.push({ mediaType, kind, at: n.child({ doc: owner.doc, pointer, schema: media, owner: schemaPointer }, "schema", media.schema) });
  }
  const primary = kept.find((k) => isPlainJson(k.mediaType)) ?? kept[0];
  return kept.map((k) => ({
    ...k,
    suffix: k === primary ? [] : k.kind === "form" ? ["Form"] : k.kind === "multipart" ? ["Multipart"] : mediaWords(k.mediaType),
  }));
}

export interface MediaSchema {
  mediaType: string;
  /** How the body is encoded: by its media type, or JSON for a fallback (isJsonFallback). */
  kind: BodyKind;
  at: At;
  /** Words added to the part's name when it is not the primary media type. */
  suffix: string[];
}

function tagsOf(op: Record<string, unknown>): string[] {
  return Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** `application/merge-patch+json; charset=utf-8` -> merge patch json. */
function mediaWords(mediaType: string): string[] {
  const subtype = mediaType.split(";")[0]!.trim().split("/")[1] ?? mediaType;
  return splitWords(subtype);
}

/**
 * The name hint of an operation model: one entry, its words joined (`createPet` + Request ->
 * CreatePetRequest), so the model reads as one name in reports and hoisted models below it add
 * their own entries (`CreatePetRequest.owner`).
 */
function modelHint(words: string[], ...more: string[]): string[] {
  return [pascalCase(hintWords([...words, ...more]))];
}

/** An object defined elsewhere (a parameter, body or response): its component key, or its file's stem. */
function refWords(p: Located): string[] {
  const tokens = parsePointer(p.pointer);
  if (tokens.length) return [tokens[tokens.length - 1]!];
  return [path.posix.basename(p.doc.file).replace(/\.(ya?ml|json)$/i, "")];
}

/** Where a shared object comes from: another file, or the root's components (no origin). */
function refOrigin(n: NormalizeContext, p: Located): ModelOrigin | undefined {
  return p.doc === n.specs.root ? undefined : "file";
}
