export * from "./words.js";
export * from "./scope.js";
export * from "./assign.js";
