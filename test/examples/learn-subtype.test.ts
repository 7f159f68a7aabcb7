import { describe, expect, it } from "vitest";
import { subtypeActions } from "../../src/examples/learn-subtype.js";

describe("the name of a subtype learned for an unlisted tag", () => {
  const root = { components: { schemas: { Pet: {}, PetFileDeleted: {} } } };
  const targets = { schemas: "$.components.schemas", type: "$.components.schemas.Pet" };
  const nameOf = (tag: string, taken = new Set<string>()) =>
    Object.keys((subtypeActions(root, "/components/schemas/Pet", "kind", tag, targets, "d", taken)[0]!.update as object))[0];

  it.each([
    ["dog", "PetDog"],
    ["file.deleted", "PetFileDeleted2"],
    // The naming rules' words spell symbols out, and an empty tag too: never the type's own name.
    ["***", "PetStarStarStar"],
    ["", "PetEmpty"],
  ])("%s -> %s", (tag, want) => {
    expect(nameOf(tag)).toBe(want);
  });

  it("takes another name for a second tag of the same words in one run", () => {
    const taken = new Set<string>();
    expect([nameOf("a-b", taken), nameOf("a.b", taken)]).toEqual(["PetAB", "PetAB2"]);
  });
});
