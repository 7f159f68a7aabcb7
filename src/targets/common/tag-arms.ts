// Tagged unions in every language dispatch on the tag with one match arm per set of variants:
// tags that select the same variants share an arm (`"eq" | "ne" => ...`).

/** One arm: the tags it matches and the variants it may decode (indexes into the list given). */
export interface TagArm {
  tags: string[];
  variants: number[];
}

/**
 * Groups the tags of the variants into arms, in the order of each tag's first appearance. A tag
 * several variants list (OpenAI's `"message"` items are three schemas) selects all of them, in
 * their order; the language decides how to try them.
 */
export function tagArms(variantTags: readonly (readonly string[])[]): TagArm[] {
  const variantsByTag = new Map<string, number[]>();
  variantTags.forEach((tags, i) => {
    for (let j = 0; j < tags.length; j++) {
      const list = variantsByTag.get(tags[j]!);
      if (list) list.push(i);
      else variantsByTag.set(tags[j]!, [i]);
    }
  });
  const arms = new Map<string, TagArm>();
  variantsByTag.forEach((variants, tag) => {
    const key = variants.join(",");
    const arm = arms.get(key);
    if (arm) arm.tags.push(tag);
    else arms.set(key, { tags: [tag], variants });
  });
  return [...arms.values()];
}
