// Spec names split into words and joined in each target's case styles: the naming pass's input,
// so a change here renames identifiers in every language.
import { describe, expect, it } from "vitest";
import { camelCase, hintWords, pascalCase, snakeCase, splitWords } from "../../src/naming/words.js";

describe("splitWords", () => {
  it.each([
    { given: "userID", want: ["user", "ID"] },
    { given: "XMLHttpRequest", want: ["XML", "Http", "Request"] },
    { given: "getHTTPResponseCode", want: ["get", "HTTP", "Response", "Code"] },
    { given: "OAuth2Token", want: ["O", "Auth2", "Token"] },
    { given: "ABC", want: ["ABC"] },
    { given: "ABCdef", want: ["AB", "Cdef"] },
    { given: "Model200Response", want: ["Model200", "Response"] },
    { given: "v1beta2", want: ["v1beta2"] },
    { given: "1st_place", want: ["1st", "place"] },
    { given: "200", want: ["200"] },
    { given: "kebab-case-name", want: ["kebab", "case", "name"] },
    { given: "  spaced  out ", want: ["spaced", "out"] },
    { given: "a.b.c", want: ["a", "b", "c"] },
    { given: "$ref", want: ["ref"] },
    // A leading sign is kept before a number only.
    { given: "+1.5", want: ["plus", "1", "5"] },
    { given: "-abc", want: ["abc"] },
    // No letters or digits: the symbols are spelled, and what has no spelling is "empty".
    { given: "@", want: ["at"] },
    { given: "<=", want: ["lt", "eq"] },
    { given: "!=", want: ["not", "eq"] },
    { given: "&&", want: ["and", "and"] },
    { given: "...", want: ["dot", "dot", "dot"] },
    { given: "%", want: ["percent"] },
    { given: "#", want: ["hash"] },
    { given: "$", want: ["dollar"] },
    { given: "~", want: ["empty"] },
  ])("$given", ({ given, want }) => {
    expect(splitWords(given)).toEqual(want);
  });
});

describe("splitWords, worked out once per name", () => {
  it.each([
    { given: "RunStepObject", want: ["Run", "Step", "Object"] },
    { given: "+1", want: ["plus", "1"] },
    { given: "", want: ["empty"] },
  ])("gives $given a list of its own each time", ({ given, want }) => {
    const first = splitWords(given);
    first.push("changed");
    first[0] = "x";
    expect(splitWords(given)).toEqual(want);
    expect(splitWords(given)).not.toBe(splitWords(given));
  });
});

describe("case styles", () => {
  it.each([
    { words: ["get", "HTTP", "response"], pascal: "GetHttpResponse", camel: "getHttpResponse", snake: "get_http_response" },
    { words: ["v1", "beta"], pascal: "V1Beta", camel: "v1Beta", snake: "v1_beta" },
    { words: ["1st", "place"], pascal: "1stPlace", camel: "1stPlace", snake: "1st_place" },
    { words: ["URL"], pascal: "Url", camel: "url", snake: "url" },
    { words: ["HTTP", "2"], pascal: "Http2", camel: "http2", snake: "http_2" },
    { words: [], pascal: "", camel: "", snake: "" },
  ])("$words", ({ words, pascal, camel, snake }) => {
    expect({ pascal: pascalCase(words), camel: camelCase(words), snake: snakeCase(words) }).toEqual({ pascal, camel, snake });
  });
});

describe("hintWords", () => {
  it.each([
    { given: ["Run", "step_details"], want: ["Run", "step", "details"] },
    { given: ["createRun", "Request"], want: ["create", "Run", "Request"] },
    { given: ["+"], want: ["plus"] },
    { given: [], want: [] },
  ])("$given", ({ given, want }) => {
    expect(hintWords(given)).toEqual(want);
  });
});
