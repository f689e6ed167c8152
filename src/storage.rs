//! What the app keeps on the phone: the answers and the progress, nothing derived.
//!
//! The saved state is one JSON envelope under one local-storage key. Decoding is pure and
//! tested natively; the browser side (`browser`) never panics and never silently overwrites
//! a value it could not read: that value is kept aside under its own key first.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The local-storage key of the envelope.
pub const KEY: &str = "passport-sos";
/// Where an envelope that could not be read is kept, untouched, for the person or a later
/// version of the app to recover.
pub const KEPT_ASIDE_KEY: &str = "passport-sos.unreadable";
/// The schema this version writes. Bump it with a migration step, never in place.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    /// `en` or `zh`; `None` until the person chooses, so the browser's language decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Question id to answer value, as the engine takes them.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub progress: Progress,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Step id to what the person has recorded for it.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StepProgress {
    #[serde(default)]
    pub done: bool,
    /// Ids of the "what to bring" items ticked off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A date the step needs, such as the acceptance date, as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Envelope {
    pub fn new() -> Self {
        Envelope { schema: SCHEMA, ..Default::default() }
    }

    pub fn encode(&self) -> String {
        // Serialising these plain maps and strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| DecodeError::NotReadable)?;
        let schema = value.get("schema").and_then(|s| s.as_u64()).ok_or(DecodeError::NotReadable)?;
        if schema > u64::from(SCHEMA) {
            return Err(DecodeError::NewerSchema(schema));
        }
        serde_json::from_value(value).map_err(|_| DecodeError::NotReadable)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, cut short, or not the shape of an envelope.
    NotReadable,
    /// Written by a newer version of the app than this one.
    NewerSchema(u64),
}

#[cfg(target_arch = "wasm32")]
pub mod browser {
    //! Local storage, with the fallbacks a phone needs: storage can be blocked (private
    //! modes, policy) or full, and then the app works from memory and says so.
    use super::*;
    use gloo_storage::{LocalStorage, Storage};

    /// What loading found, so the app can tell the person in one sentence.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum LoadNote {
        Fresh,
        Restored,
        KeptAside(DecodeError),
        Unavailable,
    }

    /// gloo-storage panics when the browser refuses access to local storage, so ask the
    /// window first.
    pub fn available() -> bool {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
    }

    pub fn load() -> (Envelope, LoadNote) {
        if !available() {
            return (Envelope::new(), LoadNote::Unavailable);
        }
        let raw: Option<String> = LocalStorage::raw().get_item(KEY).ok().flatten();
        let Some(raw) = raw else { return (Envelope::new(), LoadNote::Fresh) };
        match Envelope::decode(&raw) {
            Ok(envelope) => (envelope, LoadNote::Restored),
            Err(error) => {
                // Keep the unreadable value before anything can overwrite it.
                let _ = LocalStorage::raw().set_item(KEPT_ASIDE_KEY, &raw);
                (Envelope::new(), LoadNote::KeptAside(error))
            }
        }
    }

    /// Returns false when the value could not be written (blocked or full storage).
    pub fn save(envelope: &Envelope) -> bool {
        available() && LocalStorage::raw().set_item(KEY, &envelope.encode()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_envelope_survives_a_round_trip() {
        let mut envelope = Envelope::new();
        envelope.locale = Some("zh".into());
        envelope.answers.insert("document_state".into(), "stolen".into());
        envelope.progress.steps.insert(
            "step.report_loss".into(),
            StepProgress { done: true, checked: vec!["photo".into()], note: "<b>x</b>".into(), date: None },
        );
        assert_eq!(Envelope::decode(&envelope.encode()), Ok(envelope));
    }

    #[test]
    fn corrupt_truncated_and_future_envelopes_are_refused_not_guessed() {
        let good = Envelope::new().encode();
        assert_eq!(Envelope::decode("{not json"), Err(DecodeError::NotReadable));
        assert_eq!(Envelope::decode(&good[..good.len() - 2]), Err(DecodeError::NotReadable));
        assert_eq!(Envelope::decode(r#"{"locale":"en"}"#), Err(DecodeError::NotReadable));
        assert_eq!(Envelope::decode(r#"{"schema":99}"#), Err(DecodeError::NewerSchema(99)));
    }
}
