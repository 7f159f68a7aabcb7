// A spec that yields no model is an error that says why, never a silent "generated".
import { SpecError } from "../../common/errors.js";
import type { SpecSet } from "../../load/loader.js";
import type { Model } from "../types.js";
import { isSchemaObject } from "./keywords.js";
import type { ModelSwitches } from "./operations.js";


export function requireSomeModels(specs: SpecSet, models: Model[], switches: ModelSwitches): void {
  if (models.length > 0) return;
  const root = specs.root.value as Record<string, unknown>;
  const count = (key: string) => (isSchemaObject(root[key]) ? Object.keys(root[key]).filter((k) => !k.startsWith("x-")).length : 0);
  const components = isSchemaObject(root.components) ? root.components : {};
  const schemas = isSchemaObject(components.schemas) ? Object.keys(components.schemas).length : 0;
  const paths = count("paths");
  const webhooks = count("webhooks");
  const reasons: string[] = [];
  if (schemas > 0 && !switches.components) reasons.push(`${schemas} component schemas are switched off (models.components: false)`);
  if (paths > 0 && !switches.operations) reasons.push(`${paths} paths are switched off (models.operations: false)`);
  if (webhooks > 0 && !switches.webhooks) reasons.push(`${webhooks} webhooks are switched off (models.webhooks: false)`);
  if ((paths > 0 && switches.operations) || (webhooks > 0 && switches.webhooks)) {
    const onlyParams = switches.parameters ? "" : " (parameters are switched off: models.parameters: false)";
    reasons.push(`no operation has a JSON, form or multipart request body, a JSON response or parameters${onlyParams}`);
  }
  const where = isSchemaObject(root.paths) ? "paths" : isSchemaObject(root.components) ? "components" : undefined;
  const location = specs.locate(specs.root, root, where, where ? `/${where}` : "");
  const detail =
    schemas + paths + webhooks === 0
      ? "no models: the spec defines no component schemas, paths or webhooks"
      : `no models: ${reasons.join("; ")}`;
  throw new SpecError(location, detail);
}


