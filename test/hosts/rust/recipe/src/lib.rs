//! Hand-written stand-in for generated models: exercises the serde shapes the generator emits.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// String enum, closed: an unknown wire value is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    InProgress,
    Completed,
    #[serde(rename = "requires_action")]
    RequiresAction,
}

/// String enum, open: unknown wire values are kept (round-trip safe).
/// Variant-level `#[serde(untagged)]` (serde >= 1.0.181) on the last variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelId {
    #[serde(rename = "gpt-4o")]
    Gpt4o,
    #[serde(rename = "o1-mini")]
    O1Mini,
    #[serde(untagged)]
    Other(String),
}

/// String enum, open but lossy: `#[serde(other)]` on a unit variant (deserialize only;
/// serializing `Unknown` writes "unknown", not the original value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Assistant,
    #[serde(other)]
    Unknown,
}

/// Open enum written by hand: `Unknown(String)` with custom (de)serialize, no serde attribute tricks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    Alloy,
    Echo,
    Unknown(String),
}
impl Voice {
    pub fn as_str(&self) -> &str {
        match self {
            Voice::Alloy => "alloy",
            Voice::Echo => "echo",
            Voice::Unknown(s) => s,
        }
    }
}
impl Serialize for Voice {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> Deserialize<'de> for Voice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "alloy" => Voice::Alloy,
            "echo" => Voice::Echo,
            _ => Voice::Unknown(s),
        })
    }
}

/// Object with renames, a keyword field, optional vs required-nullable fields and extra properties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunObject {
    pub id: String,
    #[serde(rename = "type")]
    pub r#type: String,
    #[serde(rename = "createdAt")]
    pub created_at: i64,
    pub status: RunStatus,
    pub model: ModelId,
    pub role: Role,
    pub voice: Voice,
    /// optional: absent <-> None
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// required but nullable: null <-> None, always written
    pub completed_at: Option<i64>,
    #[serde(rename = "$ref", default, skip_serializing_if = "Option::is_none")]
    pub r#ref: Option<String>,
    pub step: Option<StepDetails>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentPart>,
    /// additionalProperties
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Internally tagged union; `rename_all_fields` (serde >= 1.0.183) renames the struct-variant fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum StepDetails {
    MessageCreation { message_id: String },
    ToolCalls(ToolCallsDetails),
    /// fallback for unknown tags (unit variant + `other` works for internally tagged enums)
    #[serde(other)]
    Unknown,
}

/// Internally tagged, open: an unknown tag keeps the whole object (round-trip safe).
/// A payload struct must not declare the tag field itself (serde consumes it: "missing field `type`").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Tool {
    #[serde(rename = "function")]
    Function(FunctionTool),
    #[serde(rename = "file_search")]
    FileSearch {},
    #[serde(untagged)]
    Other(serde_json::Value),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionTool {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCallsDetails {
    pub tool_calls: Vec<serde_json::Value>,
}

/// Untagged union: branches tried in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContentPart {
    Text(String),
    Parts(Vec<TextPart>),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextPart {
    pub text: String,
}

/// Recursion through Box (direct) and Vec (no Box needed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Filter>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Filter>,
}

/// More than 32 fields (no arity limit in serde, unlike Scala 2 tuples).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wide {
    pub f01: i32, pub f02: i32, pub f03: i32, pub f04: i32, pub f05: i32, pub f06: i32,
    pub f07: i32, pub f08: i32, pub f09: i32, pub f10: i32, pub f11: i32, pub f12: i32,
    pub f13: i32, pub f14: i32, pub f15: i32, pub f16: i32, pub f17: i32, pub f18: i32,
    pub f19: i32, pub f20: i32, pub f21: i32, pub f22: i32, pub f23: i32, pub f24: i32,
    pub f25: i32, pub f26: i32, pub f27: i32, pub f28: i32, pub f29: i32, pub f30: i32,
    pub f31: i32, pub f32: i32, pub f33: i32,
}
