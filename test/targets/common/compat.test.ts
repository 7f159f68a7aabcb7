import { describe, expect, it } from "vitest";
import { checkedDecodingCompat } from "../../../src/targets/common/compat.js";

describe("checkedDecodingCompat", () => {
  const own = { enumUnknownFallback: true, unionUnknownTagFallback: false, integerFormatsShareOneType: true };
  it.each<{ name: string; options: Record<string, unknown>; want: Record<string, boolean> }>([
    {
      name: "the target's own traits, and what every checked decoder shares",
      options: {},
      want: { ...own, uncheckedDecoding: false, ignoresUnknownFields: true, numbersShareOneType: false, stringFormatsShareOneType: true },
    },
    { name: "a string format mapped to a type of its own", options: { types: { uuid: "native" } }, want: { stringFormatsShareOneType: false } },
    { name: "a string format kept as the wire string", options: { types: { uuid: "wire" } }, want: { stringFormatsShareOneType: true } },
  ])("$name", ({ options, want }) => {
    expect(checkedDecodingCompat(options, own)).toMatchObject({ ...want, optionalFieldAcceptsNull: true, checksConstraints: false });
  });
});
