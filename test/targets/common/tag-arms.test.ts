import { describe, expect, it } from "vitest";
import { tagArms, type TagArm } from "../../../src/targets/common/tag-arms.js";

describe("tagArms: one match arm per set of variants a tag selects", () => {
  it.each<{ name: string; given: string[][]; want: TagArm[] }>([
    { name: "one tag per variant", given: [["a"], ["b"]], want: [{ tags: ["a"], variants: [0] }, { tags: ["b"], variants: [1] }] },
    { name: "several tags of one variant share its arm", given: [["eq", "ne"], ["gt"]], want: [{ tags: ["eq", "ne"], variants: [0] }, { tags: ["gt"], variants: [1] }] },
    {
      name: "a tag several variants list selects them all, in their order",
      given: [["message"], ["message"], ["tool"], ["message"]],
      want: [{ tags: ["message"], variants: [0, 1, 3] }, { tags: ["tool"], variants: [2] }],
    },
    {
      name: "tags selecting the same variants join, in the order of first appearance",
      given: [["x", "y"], ["z", "x", "y"]],
      want: [{ tags: ["x", "y"], variants: [0, 1] }, { tags: ["z"], variants: [1] }],
    },
    { name: "a variant without tags has no arm", given: [[], ["a"]], want: [{ tags: ["a"], variants: [1] }] },
    { name: "no variants, no arms", given: [], want: [] },
  ])("$name", ({ given, want }) => {
    expect(tagArms(given)).toEqual(want);
  });
});
