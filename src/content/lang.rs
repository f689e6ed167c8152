//! The languages the guide speaks, and the texts of those not written into the content files.
//!
//! English and Chinese are written beside each other in the content files (`en`, `zh`): they
//! are the source of every fact, and the officer reads the Chinese. Every other language has
//! one file, `content/lang/<code>.toml`, whose entries are keyed by where the text is (its
//! path, see [`text_paths`]) and carry the hash of the English they were translated from. A
//! translation whose English has since changed is *stale*: it is not shown (the English is,
//! until someone reviews it), and `sos check` lists it.
//!
//! At run time a translated text is found by the hash of its English ([`key`]), so the content
//! needs no extra field and a language's table can ship as a file of its own, fetched only by
//! the person who reads it ([`install`]).

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language of the guide. Adding one: a variant here, a row in [`LANGS`], its file under
/// `content/lang/`, and its texts in that file; nothing else changes type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
    Ko,
    Ja,
    Ru,
}

/// What the guide needs to know about a language.
pub struct LangInfo {
    pub lang: Lang,
    /// The code in saved state, file names and `data-locale`.
    pub code: &'static str,
    /// The BCP 47 tag for `lang` attributes: screen readers and the font fallback depend on it.
    pub tag: &'static str,
    /// The language's name in itself, as the language menu lists it.
    pub own_name: &'static str,
    /// What the closed menu shows for it: short enough that the menu fits beside the links.
    pub short: &'static str,
    /// Written into the content files and so into the app itself; the others ship as files.
    pub inline: bool,
    /// The passports whose embassies publish their names in this language (`name_local`).
    pub countries: &'static [&'static str],
}

pub const LANGS: [LangInfo; 5] = [
    LangInfo { lang: Lang::En, code: "en", tag: "en", own_name: "English", short: "EN", inline: true, countries: &[] },
    LangInfo { lang: Lang::Zh, code: "zh", tag: "zh-Hans", own_name: "中文", short: "中文", inline: true, countries: &[] },
    LangInfo { lang: Lang::Ko, code: "ko", tag: "ko", own_name: "한국어", short: "한국어", inline: false, countries: &["KR"] },
    LangInfo { lang: Lang::Ja, code: "ja", tag: "ja", own_name: "日本語", short: "日本語", inline: false, countries: &["JP"] },
    LangInfo { lang: Lang::Ru, code: "ru", tag: "ru", own_name: "Русский", short: "РУС", inline: false, countries: &["RU"] },
];

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Zh, Lang::Ko, Lang::Ja, Lang::Ru];

    pub fn info(self) -> &'static LangInfo {
        &LANGS[self as usize]
    }
    pub fn code(self) -> &'static str {
        self.info().code
    }
    pub fn tag(self) -> &'static str {
        self.info().tag
    }
    pub fn own_name(self) -> &'static str {
        self.info().own_name
    }
    pub fn inline(self) -> bool {
        self.info().inline
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        LANGS.iter().find(|l| l.code == code).map(|l| l.lang)
    }
    /// The languages that ship as files of their own.
    pub fn translated() -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(|l| !l.inline())
    }

    /// The first of the browser's languages (`navigator.languages`, most wanted first) that the
    /// guide speaks, by its primary subtag: `ko-KR` is Korean, `zh-TW` Chinese (the guide's
    /// Chinese is simplified, which a reader of traditional characters reads better than
    /// English). English when none is.
    pub fn from_browser<S: AsRef<str>>(languages: &[S]) -> Lang {
        languages
            .iter()
            .find_map(|tag| {
                let primary = tag.as_ref().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or(Lang::En)
    }
}

/// The run-time key of a text: FNV-1a of its English. 32 bits are plenty for a few thousand
/// texts, and `sos check` fails on two English texts with one key.
pub fn key(english: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in english.bytes() {
        hash ^= byte as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The hash written beside a translation (`en_hash`): the key, as 8 hex digits.
pub fn hash_text(english: &str) -> String {
    format!("{:08x}", key(english))
}

/// One language's translations as shipped: (key of the English, text), sorted by key.
pub type Table = Vec<(u32, String)>;

static TABLES: [OnceLock<Table>; 5] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// Makes a language's texts available to [`crate::content::Text::get`]. Once per language:
/// a second table for the same language is ignored (the first stays; both come from one build).
/// The table comes sorted by key from [`compare`]; not sorting here keeps a sort out of the
/// wasm, and an unsorted table could only make texts show in English, never wrongly.
pub fn install(lang: Lang, table: Table) {
    let _ = TABLES[lang as usize].set(table);
}

/// Whether `lang` can be shown: written inline, or its file has been installed.
pub fn ready(lang: Lang) -> bool {
    lang.inline() || TABLES[lang as usize].get().is_some()
}

/// The translation of `english` into `lang`, if its table is installed and has it.
pub fn lookup(lang: Lang, english: &str) -> Option<&'static str> {
    let table = TABLES[lang as usize].get()?;
    let k = key(english);
    table.binary_search_by_key(&k, |(key, _)| *key).ok().map(|i| table[i].1.as_str())
}

/// Decodes a shipped language file. A damaged file is an error to show, not a panic.
pub fn table_from_bytes(bytes: &[u8]) -> Result<Table, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("cannot be read: {e}"))
}

/// A text found in a content file: where it is and its English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextAt {
    pub file: String,
    /// `steps/step/step.report_loss/title`: the file's stem, then each key, and for an element
    /// of an array its `id` (or `number` for a phone line, `code` for a country), else its position.
    pub path: String,
    pub en: String,
    pub zh: String,
}

/// Every text of a parsed content file, in document order. A text is a table with `en` and
/// `zh` strings (it may also have other keys, such as a `source`).
pub fn text_paths(file: &str, value: &toml::Value) -> Vec<TextAt> {
    fn walk(file: &str, path: &str, value: &toml::Value, out: &mut Vec<TextAt>) {
        match value {
            toml::Value::Table(t) => {
                if let (Some(toml::Value::String(en)), Some(toml::Value::String(zh))) = (t.get("en"), t.get("zh")) {
                    out.push(TextAt { file: file.to_string(), path: path.to_string(), en: en.clone(), zh: zh.clone() });
                    return;
                }
                for (k, v) in t {
                    walk(file, &format!("{path}/{k}"), v, out);
                }
            }
            toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let name = match item {
                        toml::Value::Table(t) => t
                            .get("id")
                            .or_else(|| t.get("number"))
                            .or_else(|| t.get("code"))
                            .and_then(|v| v.as_str())
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string()),
                        _ => i.to_string(),
                    };
                    walk(file, &format!("{path}/{name}"), item, out);
                }
            }
            _ => {}
        }
    }
    let stem = file.strip_suffix(".toml").unwrap_or(file);
    let mut out = Vec::new();
    walk(file, stem, value, &mut out);
    out
}

/// The content files whose every text must exist in every language. The others fall back to
/// English where a translation is missing: the sources (titles of documents, cited as their
/// publishers name them) and the directory, whose names come from the posts and the
/// Ministry of Civil Affairs in English and Chinese.
///
/// Nor addresses: the Chinese is what a driver reads, and the English is how the office itself
/// writes it in Latin letters; a third spelling would help no one find the door.
pub fn must_translate(file: &str, path: &str) -> bool {
    !matches!(file, "sources.toml" | "countries.toml" | "places.toml" | "embassies.toml") && !path.ends_with("/address")
}

/// One entry of a language file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub text: String,
    /// [`hash_text`] of the English this was translated from.
    pub en_hash: String,
}

/// What comparing a language file with the content found.
#[derive(Debug, Default)]
pub struct Comparison {
    pub table: Table,
    /// (path, English) with no entry, in a file that must be translated.
    pub missing: Vec<TextAt>,
    /// Texts whose English changed since their translation: not shipped, listed for review.
    pub stale: Vec<TextAt>,
    /// Other problems: (id, message).
    pub problems: Vec<(String, String)>,
}

/// The `{}` a message fills in, which a translation must keep in number.
fn holes(s: &str) -> usize {
    s.matches("{}").count()
}

/// Compares one language's file with the texts of the content.
pub fn compare(texts: &[TextAt], entries: &std::collections::BTreeMap<String, Entry>) -> Comparison {
    let mut out = Comparison::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut by_key: std::collections::BTreeMap<u32, (&str, &str, &str)> = std::collections::BTreeMap::new();
    for t in texts {
        if t.en.trim().is_empty() {
            continue;
        }
        seen.insert(t.path.as_str());
        let Some(entry) = entries.get(&t.path) else {
            if must_translate(&t.file, &t.path) {
                out.missing.push(t.clone());
            }
            continue;
        };
        if entry.en_hash != hash_text(&t.en) {
            out.stale.push(t.clone());
            continue;
        }
        if entry.text.trim().is_empty() {
            out.problems.push((t.path.clone(), "the translation is empty".into()));
            continue;
        }
        if holes(&entry.text) != holes(&t.en) {
            out.problems.push((t.path.clone(), format!("the English has {} `{{}}` to fill in, the translation {}", holes(&t.en), holes(&entry.text))));
        }
        let k = key(&t.en);
        match by_key.get(&k) {
            Some((en, _, path)) if *en != t.en => {
                out.problems.push((t.path.clone(), format!("its English has the same key as {path}'s: change one a little")));
            }
            Some((_, text, path)) if *text != entry.text => {
                out.problems.push((t.path.clone(), format!("the same English as {path} is translated differently there: the guide can show only one (make them equal)")));
            }
            Some(_) => {}
            None => {
                by_key.insert(k, (&t.en, &entry.text, &t.path));
                out.table.push((k, entry.text.clone()));
            }
        }
    }
    for path in entries.keys() {
        if !seen.contains(path.as_str()) {
            out.problems.push((path.clone(), "no text of the content is at this path (moved or removed?)".into()));
        }
    }
    out.table.sort_by_key(|(k, _)| *k);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages_choose_the_first_the_guide_speaks() {
        assert_eq!(Lang::from_browser(&["de-DE", "ko-KR", "en"]), Lang::Ko);
        assert_eq!(Lang::from_browser(&["ja"]), Lang::Ja);
        assert_eq!(Lang::from_browser(&["ru-RU", "zh-CN"]), Lang::Ru);
        assert_eq!(Lang::from_browser(&["zh-TW"]), Lang::Zh);
        assert_eq!(Lang::from_browser(&["fr", "de"]), Lang::En);
        assert_eq!(Lang::from_browser::<&str>(&[]), Lang::En);
    }

    #[test]
    fn every_language_has_its_row_and_a_unique_code() {
        for (i, l) in Lang::ALL.iter().enumerate() {
            assert_eq!(LANGS[i].lang, *l);
            assert_eq!(Lang::from_code(l.code()), Some(*l));
        }
    }
}
