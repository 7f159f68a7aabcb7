// The schema of one model: an object (its fields with their presence, unknown keys as the option
// says, extra keys of a declared type through `.catchall`), an enum, a union or an alias.
import { acceptsNull } from "../../../ir/query.js";
import type { Model, ObjectModel } from "../../../ir/types.js";
import type { UnknownKeys } from "../options.js";
import { propertyKey } from "../naming.js";
import { uploadFieldType } from "../uploads.js";
import { helper, method, object, zod, type ObjectEntry, type ZodExpr } from "./expr.js";
import { fieldSchema } from "./presence.js";
import { baseSchema, enumSchema, typeSchema } from "./types.js";
import { unionSchema, type UnionContext } from "./unions.js";

export interface ModelSchemaContext extends UnionContext {
  unknownKeys: UnknownKeys;
}

export function modelSchema(m: Model, ctx: ModelSchemaContext): ZodExpr {
  switch (m.kind) {
    case "object":
      return objectSchema(m, ctx);
    case "enum":
      return enumSchema(m, ctx);
    case "union":
      return unionSchema(m, ctx);
    case "alias":
      // Null is written where the alias is used (the model is declared without it).
      return baseSchema(m.type, ctx);
  }
}

function objectSchema(m: ObjectModel, ctx: ModelSchemaContext): ZodExpr {
  const entries = m.fields.map((f): ObjectEntry => {
    const pattern: string[] = [];
    const onUncheckedPattern = (p: string) => {
      pattern.push(p);
      ctx.onUncheckedPattern(p);
    };
    const fieldCtx = { ...ctx, onUncheckedPattern };
    // As the types say: a part of a multipart body named as a binary alias is an upload.
    const type = ctx.uploads ? uploadFieldType(f.type, ctx.models) : f.type;
    const value = fieldSchema(
      baseSchema(type, fieldCtx),
      { required: f.required, nullable: acceptsNull(type, ctx.models), unknown: type.kind === "unknown" },
      ctx.presence,
    );
    return {
      key: propertyKey(f.name),
      value,
      ...(pattern.length ? { comments: pattern.map((p) => `pattern not checked (not a JavaScript regex): ${JSON.stringify(p)}`) } : {}),
    };
  });
  const shape = object(entries);
  // Extra keys of a declared type are part of the model: checked as that type whatever the option.
  if (m.additionalProperties) return method(zod("object", shape), "catchall", typeSchema(m.additionalProperties, ctx));
  switch (ctx.unknownKeys) {
    case "passthrough":
      return helper("passthroughObject", shape);
    case "strip":
      return zod("object", shape);
    case "strict":
      return zod("strictObject", shape);
  }
}
