// Every way a spec says "this may also be null", written as the document's version allows:
// 3.0 `nullable: true` (beside a $ref, around one in allOf, or as its own allOf member), 3.1
// `type: [T, "null"]`, anyOf/oneOf with a null branch, and `nullable: true` inside 3.1 documents
// (as OpenAI's specs write it). Enums with a null value are made in schemas.ts.
export type Version = "3.0.3" | "3.1.0";
export type Schema = Record<string, unknown>;

export const NULL_IDIOMS = 6;

/** `schema`, made nullable by idiom number `idiom` (taken modulo what fits the schema and version). */
export function nullable(schema: Schema, version: Version, idiom: number): Schema {
  const isRef = typeof schema.$ref === "string";
  if (version === "3.0.3") {
    if (isRef) return [{ allOf: [schema], nullable: true }, { ...schema, nullable: true }, { allOf: [schema, { nullable: true }] }][idiom % 3]!;
    return { ...schema, nullable: true };
  }
  if (isRef) return [{ anyOf: [schema, { type: "null" }] }, { oneOf: [schema, { type: "null" }] }, { ...schema, nullable: true }, { anyOf: [{ type: "null" }, schema] }][idiom % 4]!;
  const options: Schema[] = [{ anyOf: [schema, { type: "null" }] }, { oneOf: [schema, { type: "null" }] }, { ...schema, nullable: true }];
  if (typeof schema.type === "string") options.push({ ...schema, type: [schema.type, "null"] }, { ...schema, type: ["null", schema.type] });
  return options[idiom % options.length]!;
}
