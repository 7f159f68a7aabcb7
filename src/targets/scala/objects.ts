// A `final case class` for an object model, and the circe codecs in its companion: one read per
// field (presence decides the helper), one write per field, extra keys kept for open objects. An
// object too wide for one constructor holds its fields in parts (wide-objects.ts).
import { mapOf } from "./syntax.js";
import type { ObjectModel } from "../../ir/types.js";
import type { CodecContext } from "./codecs.js";
import { fieldCodecs, nestedCodec } from "./codecs.js";
import { docBlock, inlineCode, modelDoc, paramDoc, type FieldDocInput } from "./docs.js";
import { plainName, scalaString } from "./naming.js";
import type { FileScope } from "./scope.js";
import { fieldShape, modelRef, valueType } from "./types.js";
import { NameScope } from "../../naming/scope.js";
import { MAX_PARAMETER_SLOTS, parameterSlots, partsOf } from "./wide-objects.js";

/** The field that holds an open object's undeclared keys (reserved, so no JSON field takes it). */
const EXTRA_KEYS_FIELD = "additionalProperties";

/** A case class parameter. */
export interface ParamView {
  /** The parameter's name. */
  name: string;
  /** Its type. */
  type: string;
  /** Its default value (`None` for an optional field), or "" for none. */
  default: string;
}

/** A `name = expression` argument of the constructor call in a decoder. */
export interface DecodeArgView {
  /** The parameter's name. */
  name: string;
  /** The expression reading it from the JSON object. */
  expr: string;
}

/** A `final case class` and the circe codec in its companion. */
export interface ObjectView {
  /** The case class's parameters, one per field (or per part), the extra keys' map last for open objects. */
  params: ParamView[];
  /** The arguments of the decoder's constructor call after the parts' (all of them for an object without parts). */
  decodeArgs: DecodeArgView[];
  /** `.required[String]("id", a.id)` steps of the encoder, one per field in the spec's order. */
  encodeSteps: string[];
  /** `Set("a", "b")` for open objects (the declared keys), else "". */
  knownKeys: string;
  /**
   * For an object of more fields than a JVM constructor takes: its parts, case classes declared in
   * the companion, each holding a run of the fields; else empty.
   */
  parts: PartView[];
  /** For an object with parts: a member per field, `def id: String = part1.id`; else empty. */
  forwarders: {
    /** The field's name. */
    name: string;
    /** Its type. */
    type: string;
    /** The parameter of the part that holds it. */
    part: string;
  }[];
}

/** One part of a wide object: a case class of a run of its fields, built by the object's decoder. */
export interface PartView {
  /** The part's scaladoc block, indented as a member of the companion. */
  doc: string[];
  /** The case class's name in the companion (`Part1`). */
  typeName: string;
  /** The object's parameter holding it (`part1`). */
  name: string;
  /** That parameter's type (`Settings.Part1`). */
  type: string;
  /** Its default (`Settings.Part1()`) when every field of the part has one, else "". */
  default: string;
  /** The part's parameters, one per field. */
  params: ParamView[];
  /** The decoder's arguments of the part's constructor call. */
  decodeArgs: DecodeArgView[];
  /** "," after the part's argument in the decoder's constructor call, "" after the last argument. */
  separator: string;
}

/** One field, worked out once. */
interface FieldView {
  param: ParamView;
  decode: DecodeArgView;
  encode: string;
  doc: string[];
}

/** The view, and the names its companion declares that hide top-level models (its parts'). */
export interface ObjectResult {
  doc: string[];
  view: ObjectView;
  shadows: string[];
}

export function objectView(m: ObjectModel, indent: string, scope: FileScope, ctx: CodecContext): ObjectResult {
  const runs = fieldRuns(m, scope, ctx);
  if (!runs) return wholeObject(m, indent, ctx, fieldViews(m, scope, ctx));
  const typeNames = partTypeNames(m, scope, runs.length);
  // The parts are declared in the companion, where a top-level model of the same name is hidden.
  const shadowed = new Set(typeNames);
  const inner: CodecContext = { ...ctx, shadowed: { has: (n) => shadowed.has(n) || ctx.shadowed.has(n) } };
  return partedObject(m, indent, inner, fieldViews(m, scope, inner), runs, typeNames);
}

/**
 * The runs of fields the object's parts hold, or null when it fits in one case class. Slots are
 * counted only where two per field could pass the limit: 128 fields, or 127 and the extra keys.
 */
function fieldRuns(m: ObjectModel, scope: FileScope, ctx: CodecContext): number[][] | null {
  const reserved = m.additionalProperties ? 1 : 0;
  if (2 * m.fields.length + reserved <= MAX_PARAMETER_SLOTS) return null;
  const slots = m.fields.map((f) => parameterSlots(f, fieldShape(f, ctx, scope.presence), ctx));
  return partsOf(slots, reserved);
}

function fieldViews(m: ObjectModel, scope: FileScope, ctx: CodecContext): FieldView[] {
  const multipart = scope.multipartBodies.has(m.id);
  return m.fields.map((f) => {
    const name = scope.names.field(m.id, f.name);
    const shape = fieldShape(f, ctx, scope.presence);
    const { decode, encode } = fieldCodecs(f, name, shape, ctx);
    const docInput: FieldDocInput = {
      identifier: plainName(name),
      wire: f.name,
      docs: f.docs,
      type: f.type,
      presence: shape.presence,
      tolerated: shape.tolerated,
      multipart,
    };
    if (f.default !== undefined) docInput.default = f.default;
    if (f.defaultExact !== undefined) docInput.defaultExact = f.defaultExact;
    if (f.parameter) docInput.parameter = f.parameter;
    return {
      param: { name, type: shape.declared, default: shape.default ?? "" },
      decode: { name, expr: decode },
      encode,
      doc: paramDoc(docInput, scope.models, scope.presence),
    };
  });
}

function emptyView(fields: FieldView[]): ObjectView {
  return { params: [], decodeArgs: [], encodeSteps: fields.map((f) => f.encode), knownKeys: "", parts: [], forwarders: [] };
}

function wholeObject(m: ObjectModel, indent: string, ctx: CodecContext, fields: FieldView[]): ObjectResult {
  const view = emptyView(fields);
  view.params = fields.map((f) => f.param);
  view.decodeArgs = fields.map((f) => f.decode);
  const paramDocs = fields.flatMap((f) => f.doc);
  addExtraKeys(m, ctx, view, paramDocs);
  const lines = modelDoc(m);
  if (paramDocs.length) lines.push(...(lines.length ? [""] : []), ...paramDocs);
  return { doc: docBlock(indent, lines), view, shadows: [] };
}

function partedObject(
  m: ObjectModel,
  indent: string,
  ctx: CodecContext,
  fields: FieldView[],
  runs: number[][],
  typeNames: string[],
): ObjectResult {
  const view = emptyView(fields);
  const self = modelRef(m.id, ctx);
  // Each part's parameter gives way to a field of its name: the class has a member per field.
  const partParams = new NameScope(new Set(fields.map((f) => f.param.name)));
  const paramDocs: string[] = [];
  view.parts = runs.map((run, i) => {
    const name = partParams.claim(`part${i + 1}`, numbered);
    const params = run.map((k) => fields[k]!.param);
    const first = m.fields[run[0]!]!.name;
    const last = m.fields[run[run.length - 1]!]!.name;
    const part: PartView = {
      doc: docBlock(`${indent}  `, [
        `Fields ${run[0]! + 1} to ${run[run.length - 1]! + 1} of ${fields.length} of [[${self}]].`,
        "",
        ...run.flatMap((k) => fields[k]!.doc),
      ]),
      typeName: typeNames[i]!,
      name,
      type: `${self}.${typeNames[i]!}`,
      default: params.every((p) => p.default !== "") ? `${self}.${typeNames[i]!}()` : "",
      params,
      decodeArgs: run.map((k) => fields[k]!.decode),
      separator: i < runs.length - 1 || m.additionalProperties ? "," : "",
    };
    for (const k of run) view.forwarders.push({ name: fields[k]!.param.name, type: fields[k]!.param.type, part: name });
    view.params.push({ name, type: part.type, default: part.default });
    paramDocs.push(`@param ${name} The fields from ${inlineCode(first)} to ${inlineCode(last)}, each also a member of this class.`);
    return part;
  });
  addExtraKeys(m, ctx, view, paramDocs);
  const why = [
    `Its ${fields.length} fields are held in ${runs.length} parts, each a case class of a run of them:` +
      " a JVM constructor takes at most 255 parameter slots.",
    `A field reads as a member of this class all the same (\`value.${plainName(fields[0]!.param.name)}\`), and the JSON is one object.`,
  ];
  const lines = modelDoc(m, why);
  lines.push("", ...paramDocs);
  return { doc: docBlock(indent, lines), view, shadows: typeNames };
}

/**
 * `Part1`, `Part2` ...: free of the object's own name and of the models its companion declares,
 * compared as a case-folding file system compares their class files.
 */
function partTypeNames(m: ObjectModel, scope: FileScope, count: number): string[] {
  const names = new NameScope(new Set(), true);
  // Already apart from each other in that way (the naming pass's scopes are case-insensitive too).
  names.claim(scope.names.type(m.id));
  for (const c of scope.children.get(m.id) ?? []) names.claim(scope.names.type(c.id));
  return Array.from({ length: count }, (_, i) => names.claim(`Part${i + 1}`, numbered));
}

/**
 * `part1_2`: the number after an underscore, so it does not read as another part's (`part12`).
 * Never a trailing underscore, which Scala reads with the `:` after it as one identifier.
 */
const numbered = (base: string, n: number) => `${base}_${n}`;

/** An open object's map of undeclared keys: a parameter, its read and write, the declared keys. */
function addExtraKeys(m: ObjectModel, ctx: CodecContext, view: ObjectView, paramDocs: string[]): void {
  const extra = m.additionalProperties;
  if (!extra) return;
  const codec = nestedCodec(extra, ctx);
  view.params.push({ name: EXTRA_KEYS_FIELD, type: mapOf("String", valueType(extra, ctx)), default: "Map.empty" });
  view.decodeArgs.push({ name: EXTRA_KEYS_FIELD, expr: `r.additional(knownKeys, ${codec})` });
  view.encodeSteps.push(`.additional(a.${EXTRA_KEYS_FIELD}, knownKeys, ${codec})`);
  view.knownKeys = `Set(${m.fields.map((f) => scalaString(f.name)).join(", ")})`;
  paramDocs.push(`@param ${EXTRA_KEYS_FIELD} The keys not declared above, with their values (the object is open).`);
}
