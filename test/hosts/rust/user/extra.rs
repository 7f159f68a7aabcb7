//! The user's own type for the `Metadata` model (`map: { Metadata: { rust: "crate::extra::Metadata" } }`),
//! written into the generated crate's src/ beside the models; generating leaves it in place.
use std::collections::BTreeMap;

/// Up to 16 string pairs: the user's type, serialized as the plain JSON object the API sends.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Metadata(pub BTreeMap<String, String>);

impl Metadata {
    /// A value by key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}
