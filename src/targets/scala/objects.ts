// A `final case class` for an object model, and the circe codecs in its companion: one read per
// field (presence decides the helper), one write per field, extra keys kept for open objects.
import { mapOf } from "./syntax.js";
import type { ObjectModel } from "../../ir/types.js";
import type { CodecContext } from "./codecs.js";
import { fieldCodecs, nestedCodec } from "./codecs.js";
import { docBlock, modelDoc, paramDoc, type FieldDocInput } from "./docs.js";
import { plainName, scalaString } from "./naming.js";
import type { FileScope } from "./scope.js";
import { fieldShape, valueType } from "./types.js";

/** The field that holds an open object's undeclared keys (reserved, so no JSON field takes it). */
const EXTRA_KEYS_FIELD = "additionalProperties";

/** A `final case class` and the circe codec in its companion. */
export interface ObjectView {
  /** The case class's parameters, one per field (the extra keys' map last for open objects). */
  params: {
    /** The parameter's name. */
    name: string;
    /** Its type. */
    type: string;
    /** Its default value (`None` for an optional field), or "" for none. */
    default: string;
  }[];
  /** `name = expression` arguments of the constructor call in the decoder. */
  decodeArgs: {
    /** The parameter's name. */
    name: string;
    /** The expression reading it from the JSON object. */
    expr: string;
  }[];
  /** `.required[String]("id", a.id)` steps of the encoder. */
  encodeSteps: string[];
  /** `Set("a", "b")` for open objects (the declared keys), else "". */
  knownKeys: string;
}

export function objectView(m: ObjectModel, indent: string, scope: FileScope, ctx: CodecContext): { doc: string[]; view: ObjectView } {
  const paramDocs: string[] = [];
  const view: ObjectView = { params: [], decodeArgs: [], encodeSteps: [], knownKeys: "" };
  const multipart = scope.multipartBodies.has(m.id);
  for (let i = 0; i < m.fields.length; i++) {
    const f = m.fields[i]!;
    const name = scope.names.field(m.id, f.name);
    const shape = fieldShape(f, ctx, scope.presence);
    view.params.push({ name, type: shape.declared, default: shape.default ?? "" });
    const { decode, encode } = fieldCodecs(f, name, shape, ctx);
    view.decodeArgs.push({ name, expr: decode });
    view.encodeSteps.push(encode);
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
    paramDoc(docInput, scope.models, scope.presence, paramDocs);
  }
  const extra = m.additionalProperties;
  if (extra) {
    const codec = nestedCodec(extra, ctx);
    view.params.push({ name: EXTRA_KEYS_FIELD, type: mapOf("String", valueType(extra, ctx)), default: "Map.empty" });
    view.decodeArgs.push({ name: EXTRA_KEYS_FIELD, expr: `r.additional(knownKeys, ${codec})` });
    view.encodeSteps.push(`.additional(a.${EXTRA_KEYS_FIELD}, knownKeys, ${codec})`);
    view.knownKeys = `Set(${m.fields.map((f) => scalaString(f.name)).join(", ")})`;
    paramDocs.push(`@param ${EXTRA_KEYS_FIELD} The keys not declared above, with their values (the object is open).`);
  }
  const lines = modelDoc(m);
  if (paramDocs.length) lines.push(...(lines.length ? [""] : []), ...paramDocs);
  return { doc: docBlock(indent, lines), view };
}
