//! What the app keeps on the phone: the answers and the progress, nothing derived.
//!
//! The saved state is one JSON envelope under one local-storage key. Decoding is pure and
//! tested natively; the browser side (`browser`) never panics and never silently overwrites
//! a value it could not read: that value is kept aside under its own key first.

use crate::content::Lang;
use crate::ui::Msg;
use crate::engine::Answers;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The local-storage key of the envelope.
pub const KEY: &str = "passport-sos";
/// Where an envelope that could not be read is kept, untouched, for the person or a later
/// version of the app to recover.
pub const KEPT_ASIDE_KEY: &str = "passport-sos.unreadable";
/// How many unreadable values can be kept aside at once (`passport-sos.unreadable`, then `.2`…).
pub const KEPT_ASIDE_SLOTS: u32 = 5;
/// The schema this version writes. Bump it with a step in [`MIGRATIONS`], never in place.
pub const SCHEMA: u32 = 1;
/// An export file says what it is, so importing some other JSON file is refused clearly.
pub const EXPORT_MARK: &str = "passport-sos-progress";
/// A year of notes on every step is a few kilobytes; anything near this size is not ours.
pub const IMPORT_LIMIT: usize = 512 * 1024;

/// Moves a saved value from schema N to N + 1; entry 0 upgrades schema 1. Every schema ever
/// shipped keeps a sample in tests/fixtures/storage/ that must still load, with nothing lost.
/// Schema 1 is the first one shipped, so the chain is still empty.
const MIGRATIONS: &[fn(Value) -> Value] = &[];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub schema: u32,
    /// A language code (`en`, `zh`, `ko`, `ja`, `ru`); `None` until the person chooses, so the
    /// browser's language decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Question id to answer value, as the engine takes them.
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub progress: Progress,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Step id to what the person has recorded for it.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

    /// True when nothing worth keeping has been entered yet.
    pub fn is_empty(&self) -> bool {
        self.answers.0.is_empty() && self.progress.steps.is_empty()
    }

    pub fn encode(&self) -> String {
        // Serialising these plain maps and strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
        let value: Value = serde_json::from_str(text).map_err(|_| DecodeError::NotReadable)?;
        Envelope::from_value(value)
    }

    /// Unknown fields are refused rather than ignored: ignoring them would drop them on the
    /// next save, and a value this version cannot fully read must be kept aside instead.
    fn from_value(value: Value) -> Result<Envelope, DecodeError> {
        let schema = value.get("schema").and_then(Value::as_u64).ok_or(DecodeError::NotReadable)?;
        if schema > u64::from(SCHEMA) {
            return Err(DecodeError::NewerSchema(schema));
        }
        if schema == 0 {
            return Err(DecodeError::NotReadable);
        }
        let mut value = value;
        for step in &MIGRATIONS[(schema - 1) as usize..] {
            value = step(value);
        }
        value["schema"] = Value::from(SCHEMA);
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

/// The text of an export file: the envelope, marked as ours (JSON, one line).
pub fn export_text(envelope: &Envelope) -> String {
    // Written straight from the types: going through `serde_json::Value` brought a float
    // formatter and its tables (about 7 KB) into the wasm for numbers this file never has.
    #[derive(Serialize)]
    struct ExportFile<'a> {
        app: &'static str,
        #[serde(flatten)]
        envelope: &'a Envelope,
    }
    serde_json::to_string(&ExportFile { app: EXPORT_MARK, envelope }).unwrap_or_default()
}

/// Reads an export file, through the same migrations as saved state. Nothing is changed
/// here: the caller shows what would be replaced and asks first.
pub fn import_text(text: &str) -> Result<Envelope, ImportError> {
    if text.len() > IMPORT_LIMIT {
        return Err(ImportError::TooLarge);
    }
    let mut value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotAProgressFile)?;
    match value.as_object_mut().and_then(|map| map.remove("app")) {
        Some(Value::String(mark)) if mark == EXPORT_MARK => {}
        _ => return Err(ImportError::NotAProgressFile),
    }
    Envelope::from_value(value).map_err(|error| match error {
        DecodeError::NewerSchema(_) => ImportError::NewerVersion,
        DecodeError::NotReadable => ImportError::Damaged,
    })
}

/// A transfer code the browser compressed: zlib (`CompressionStream("deflate")`), whose
/// Adler-32 catches a code damaged on the way.
pub const TRANSFER_PACKED: &str = "SOS1-";
/// A transfer code from a browser without `CompressionStream`: the export text and its
/// Adler-32, uncompressed (about twice as long, read anywhere).
pub const TRANSFER_PLAIN: &str = "SOS0-";

/// The export as a code that survives a paste into a chat (on iOS a browser tab and the
/// installed app do not share storage). The code is base64url behind one of the prefixes
/// above: only letters, digits, `-` and `_`, so no chat turns it into a link or breaks it at
/// punctuation, and spaces or line breaks a chat adds are ignored when read. Compressing is
/// the browser's (it costs the wasm nothing); this is the framing around it.
pub fn packed_code(zlib: &[u8]) -> String {
    format!("{TRANSFER_PACKED}{}", base64url::encode(zlib))
}

/// The code where the browser cannot compress: the export text with its checksum.
pub fn plain_code(envelope: &Envelope) -> String {
    let mut bytes = export_text(envelope).into_bytes();
    let sum = adler32(&bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    format!("{TRANSFER_PLAIN}{}", base64url::encode(&bytes))
}

/// A pasted code, read as far as the library can without the browser.
#[derive(Debug, PartialEq)]
pub enum PastedCode {
    /// Ready to import.
    Read(Envelope),
    /// zlib bytes for the browser to inflate; then [`from_unpacked`].
    Packed(Vec<u8>),
}

/// Reads a pasted transfer code. Nothing is changed here: the caller shows what would be
/// replaced and asks first.
pub fn read_transfer_code(code: &str) -> Result<PastedCode, ImportError> {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() > IMPORT_LIMIT {
        return Err(ImportError::TooLarge);
    }
    if let Some(body) = compact.strip_prefix(TRANSFER_PACKED) {
        return base64url::decode(body).map(PastedCode::Packed).ok_or(ImportError::CodeDamaged);
    }
    let Some(body) = compact.strip_prefix(TRANSFER_PLAIN) else {
        return Err(ImportError::NotATransferCode);
    };
    let mut bytes = base64url::decode(body).ok_or(ImportError::CodeDamaged)?;
    if bytes.len() < 4 {
        return Err(ImportError::CodeDamaged);
    }
    let tail = bytes.split_off(bytes.len() - 4);
    if adler32(&bytes).to_be_bytes()[..] != tail[..] {
        return Err(ImportError::CodeDamaged);
    }
    from_unpacked(bytes).map(PastedCode::Read)
}

/// The export text a packed code held, once the browser has inflated it.
pub fn from_unpacked(bytes: Vec<u8>) -> Result<Envelope, ImportError> {
    if bytes.len() > IMPORT_LIMIT {
        return Err(ImportError::TooLarge);
    }
    let text = String::from_utf8(bytes).map_err(|_| ImportError::CodeDamaged)?;
    import_text(&text).map_err(|e| if e == ImportError::NotAProgressFile { ImportError::CodeDamaged } else { e })
}

/// Adler-32 (RFC 1950), the checksum zlib uses.
fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in bytes.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

/// base64 with the URL alphabet and no padding (RFC 4648 §5): 40 lines with a property test,
/// where the `base64` crate's configurable engines would cost the wasm several KB.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    /// `None` for a character outside the alphabet or a length no encoding gives.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let value = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32);
        let bytes = text.as_bytes();
        if bytes.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
        for chunk in bytes.chunks(4) {
            let mut n = 0u32;
            for (i, c) in chunk.iter().enumerate() {
                n |= value(*c)? << (18 - 6 * i);
            }
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod base64url_tests {
    use super::base64url;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64url::encode(plain.as_bytes()), coded);
            assert_eq!(base64url::decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url::encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url::decode("Zm9v!"), None);
        assert_eq!(base64url::decode("Z"), None);
    }

    #[test]
    fn adler32_matches_zlib() {
        assert_eq!(super::adler32(b""), 1);
        assert_eq!(super::adler32(b"Wikipedia"), 0x11E6_0398);
        let long = vec![0xffu8; 100_000];
        assert_eq!(super::adler32(&long), miniz_adler(&long));
    }

    // The straightforward definition, to check the chunked one on a long input.
    fn miniz_adler(bytes: &[u8]) -> u32 {
        let (mut a, mut b) = (1u64, 0u64);
        for &x in bytes {
            a = (a + u64::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        (b << 16 | a) as u32
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotAProgressFile,
    NewerVersion,
    Damaged,
    /// Pasted text that does not start like a transfer code.
    NotATransferCode,
    /// A transfer code cut short or changed on the way.
    CodeDamaged,
    /// A compressed code in a browser that cannot decompress it.
    CodeNeedsNewerBrowser,
}

impl ImportError {
    /// What the person is told, in the interface messages (`content/ui.toml`).
    pub fn msg(self) -> Msg {
        match self {
            ImportError::TooLarge => Msg::ImportTooLarge,
            ImportError::NotAProgressFile => Msg::ImportNotAProgressFile,
            ImportError::NewerVersion => Msg::ImportNewerVersion,
            ImportError::Damaged => Msg::ImportDamaged,
            ImportError::NotATransferCode => Msg::ImportNotATransferCode,
            ImportError::CodeDamaged => Msg::ImportCodeDamaged,
            ImportError::CodeNeedsNewerBrowser => Msg::ImportCodeNeedsNewerBrowser,
        }
    }

    pub fn message(self, lang: Lang) -> &'static str {
        crate::content::bundled().message(self.msg(), lang)
    }
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
            // Keep the unreadable value before anything can overwrite it. If it cannot be
            // kept (storage full, or every slot taken), the app must not write at all, so it
            // runs from memory as if storage were blocked.
            Err(error) => match keep_aside(&raw) {
                true => (Envelope::new(), LoadNote::KeptAside(error)),
                false => (Envelope::new(), LoadNote::Unavailable),
            },
        }
    }

    /// The keys an unreadable value may be kept under: a second one never replaces the first.
    fn kept_aside_keys() -> impl Iterator<Item = String> {
        std::iter::once(KEPT_ASIDE_KEY.to_string()).chain((2..=KEPT_ASIDE_SLOTS).map(|n| format!("{KEPT_ASIDE_KEY}.{n}")))
    }

    fn keep_aside(raw: &str) -> bool {
        let storage = LocalStorage::raw();
        for key in kept_aside_keys() {
            match storage.get_item(&key) {
                Ok(Some(existing)) if existing == raw => return true,
                Ok(Some(_)) => continue,
                Ok(None) => return storage.set_item(&key, raw).is_ok(),
                Err(_) => return false,
            }
        }
        false
    }

    /// Removes everything this app stored on the phone, the kept-aside copy included.
    pub fn erase() -> bool {
        if !available() {
            return false;
        }
        let storage = LocalStorage::raw();
        storage.remove_item(KEY).is_ok() && kept_aside_keys().all(|key| storage.remove_item(&key).is_ok())
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
        envelope.answers.set("document_state", "stolen");
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
        assert_eq!(Envelope::decode(r#"{"schema":1,"answers":{"document_state":7}}"#), Err(DecodeError::NotReadable));
        // A field this version does not know would be lost on the next save: refuse, keep aside.
        assert_eq!(Envelope::decode(r#"{"schema":1,"reminders":[]}"#), Err(DecodeError::NotReadable));
    }

    #[test]
    fn an_export_imports_back_to_the_same_progress() {
        let mut envelope = Envelope::new();
        envelope.answers.set("embassy_answer", "cannot_issue_in_china");
        envelope.progress.steps.insert("step.wait_for_decision".into(), StepProgress { date: Some("2026-09-28".into()), ..Default::default() });
        let text = export_text(&envelope);
        assert!(text.contains(EXPORT_MARK));
        assert_eq!(import_text(&text), Ok(envelope));
    }

    #[test]
    fn imports_that_are_not_ours_too_big_damaged_or_newer_are_refused() {
        assert_eq!(import_text(&" ".repeat(5 * 1024 * 1024)), Err(ImportError::TooLarge));
        assert_eq!(import_text("\u{89}PNG\r\n"), Err(ImportError::NotAProgressFile));
        assert_eq!(import_text(r#"{"schema":1}"#), Err(ImportError::NotAProgressFile));
        assert_eq!(import_text(r#"{"app":"passport-sos-progress","schema":1,"answers":[]}"#), Err(ImportError::Damaged));
        assert_eq!(import_text(r#"{"app":"passport-sos-progress","schema":2}"#), Err(ImportError::NewerVersion));
        for error in [ImportError::TooLarge, ImportError::NotAProgressFile, ImportError::NewerVersion, ImportError::Damaged] {
            assert!(error.message(Lang::En).contains("Nothing was changed"));
            assert!(error.message(Lang::Zh).contains("未作任何更改"));
        }
    }
}
