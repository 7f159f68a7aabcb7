// Names the generated component sets use: groups that collide after each target's casing (so the
// naming pass must add suffixes), names reserved or taken by a helper in some target language, and
// plain ones.

/** Model names that become one name after PascalCase, snake_case or lower-casing. */
export const MODEL_NAME_GROUPS: readonly (readonly string[])[] = [
  ["Pet", "pet", "PET"],
  ["a-b", "A_B", "AB", "a_b"],
  ["ItemList", "item_list", "item-list", "itemList"],
  ["HTTPServer", "HttpServer", "http_server"],
  ["PetOwner", "Pet_owner"],
  ["Value1", "value_1", "Value_1"],
  // Java-style dotted keys (allowed in component names): one word run after casing.
  ["pet.Pet", "PetPet", "pet_pet"],
  ["com.example.Order", "ComExampleOrder", "Order"],
  // Longer than a type name may be (100 bytes): cut, and the cut names sharing their beginning.
  [`${"ExtraordinarilyLongModelName".repeat(4)}One`, `${"ExtraordinarilyLongModelName".repeat(4)}Two`, `${"extraordinarily_long_model_name_".repeat(4)}one`],
];

/** Model names reserved, or already used by the code around the models, in some target. */
export const RESERVED_MODEL_NAMES: readonly string[] = [
  // TypeScript
  "Object", "String", "Array", "Record", "Promise", "Date", "Symbol", "Number", "Boolean", "unknown", "any", "never",
  // Rust
  "Self", "self", "Option", "Result", "Box", "Vec", "fn", "type", "Type", "Default", "Deserialize", "Serialize", "BTreeMap", "serde_support", "literals",
  // Elixir
  "Kernel", "Nil", "Module", "Codec", "Enum", "Map", "List", "Atom", "Tuple", "Keyword", "Access", "def", "end", "do", "Elixir",
  // Scala
  "Some", "None", "Int", "Long", "Unit", "Any", "Nothing", "Json", "JsonSupport", "Nullable", "Absent", "Present", "Null", "Seq", "Either", "Decoder", "Encoder", "class", "new", "match", "case", "given", "object",
  // Everywhere (helper names, index files)
  "Unknown", "Operations", "Index", "Union", "Value", "Error", "Struct", "1stThing", "_",
];

export const PLAIN_MODEL_NAMES: readonly string[] = ["Owner", "Item", "Tree", "Leaf", "Order", "Shape", "Event"];

/** Property names that become one identifier after camelCase or snake_case. */
export const PROPERTY_NAME_GROUPS: readonly (readonly string[])[] = [
  ["camelCase", "camel_case", "CamelCase", "camel-case"],
  ["x", "X"],
  ["id", "ID", "Id"],
  ["a.b", "a_b", "a-b", "a b"],
  ["type", "Type", "_type"],
  ["1st", "_1st", "first"],
];

/** Property names reserved somewhere, odd characters, or colliding with generated members. */
export const ODD_PROPERTY_NAMES: readonly string[] = [
  "type", "class", "self", "Self", "end", "do", "fn", "match", "object", "default", "@type", "$ref", "__proto__", "constructor",
  "nil", "true", "false", "null", "struct", "impl", "override", "yield", "when", "in", "else", "Some", "None", "with space",
  "kind", "value", "values", "ref", "super", "crate", "async", "await", "given", "then", "__struct__", "from_json", "to_json",
  "hashCode", "toString", "copy", "apply", "unapply", "", "é",
];

export const PLAIN_PROPERTY_NAMES: readonly string[] = ["name", "owner", "items", "count", "created_at", "tags", "next"];
