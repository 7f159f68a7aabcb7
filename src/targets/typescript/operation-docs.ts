// JSDoc text of one entry of the `operations` index: the summary and description, who calls whom
// for webhooks and callbacks (their request comes from the API), then where the operation lives
// (`@see GET /pets`) and its deprecation.
import type { Operation } from "../../ir/types.js";
import { commentSafe } from "./docs.js";

/**
 * @param keyOf the index key of an operation, to name a callback's declaring operation (which has
 * none when it has no models of its own: the IR lists only operations with models)
 */
export function operationDocText(op: Operation, keyOf: (id: string) => string | undefined): string[] {
  const paragraphs: string[][] = [];
  const { title, description } = op.docs;
  if (title) paragraphs.push(commentSafe(title));
  if (description && description !== title) paragraphs.push(commentSafe(description));
  // The direction is reversed for these: the API calls you.
  const direction = "the API sends `request` and expects `responses` back.";
  if (op.kind === "webhook") paragraphs.push([`Webhook: ${direction}`]);
  if (op.kind === "callback" && op.callbackOf) {
    const parent = keyOf(op.callbackOf.operation);
    const name = commentSafe(op.callbackOf.name).join(" ");
    paragraphs.push([`Callback \`${name}\`${parent !== undefined ? ` of \`${parent}\`` : ""}: ${direction}`]);
  }
  const tags = [`@see ${seeTarget(op)}`];
  if (op.docs.deprecated) tags.push("@deprecated");
  paragraphs.push(tags);
  return paragraphs.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : ["", ...p]));
}

/** `GET /pets`, `webhook POST petAdopted`, `callback POST {$request.body#/callback_url}`. */
function seeTarget(op: Operation): string {
  const where = `${op.method.toUpperCase()} ${commentSafe(op.path).join(" ")}`;
  return op.kind === "path" ? where : `${op.kind} ${where}`;
}
