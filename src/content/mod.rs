//! The bundled procedure content: questions, routes, rules, steps, warnings, unknowns, offices,
//! emergency documents and the sources behind them.
//!
//! The content is human-edited TOML under `content/`, bundled into the binary with
//! `include_str!` and parsed once ([`bundled`]). Every text is bilingual ([`Text`]); every
//! statement names the ids of its sources. [`check`] validates a set of raw file texts (so a
//! test can break a copy in memory) and names the file and the id of each problem.
//!
//! Conditions (`when`, `asked_when`, `done_when`) are tables of fact -> accepted values, for
//! example `when = { embassy_answer = ["cannot_issue_in_china"] }`: every key must hold (and),
//! any listed value satisfies a key (or). The fact `route` refers to the route the engine found.
//! They are compiled here into bit masks so that evaluating them costs next to nothing.

mod check;
pub mod directory;
pub mod lang;

pub use check::{check, check_parsed, valid_phone, Problem};
pub use directory::Directory;
pub use lang::Lang;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The content files bundled into the binary, by file name.
pub const BUNDLED_FILES: &[(&str, &str)] = &[
    ("sources.toml", include_str!("../../content/sources.toml")),
    ("questions.toml", include_str!("../../content/questions.toml")),
    ("routes.toml", include_str!("../../content/routes.toml")),
    ("rules.toml", include_str!("../../content/rules.toml")),
    ("steps.toml", include_str!("../../content/steps.toml")),
    ("warnings.toml", include_str!("../../content/warnings.toml")),
    ("offices.toml", include_str!("../../content/offices.toml")),
    ("emergency_documents.toml", include_str!("../../content/emergency_documents.toml")),
    ("holidays.toml", include_str!("../../content/holidays.toml")),
    ("topics.toml", include_str!("../../content/topics.toml")),
    ("essentials.toml", include_str!("../../content/essentials.toml")),
    ("ui.toml", include_str!("../../content/ui.toml")),
    // The directory (see [`directory`]): natively parsed with the rest; the app fetches it.
    ("countries.toml", include_str!("../../content/countries.toml")),
    ("places.toml", include_str!("../../content/places.toml")),
    ("embassies.toml", include_str!("../../content/embassies.toml")),
    // The languages besides English and Chinese (see [`lang`]).
    ("lang/ko.toml", include_str!("../../content/lang/ko.toml")),
    ("lang/ja.toml", include_str!("../../content/lang/ja.toml")),
    ("lang/ru.toml", include_str!("../../content/lang/ru.toml")),
];

/// The content as the app ships it: checked and converted from the TOML files by
/// `sos bundle` before the wasm build (a Trunk pre-build hook), so the browser carries
/// neither a TOML parser nor the TOML text. See [`Content::from_bundle`].
#[cfg(target_arch = "wasm32")]
const SHIPPED: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/bundle/content.postcard"));

/// The bundled content, parsed on first use. The bundled files are validated by
/// `cargo test` (tests/content_check.rs) and by `sos bundle`, so a failure here is a build
/// defect, not user input.
pub fn bundled() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        #[cfg(target_arch = "wasm32")]
        let loaded = Content::from_bundle(SHIPPED);
        #[cfg(not(target_arch = "wasm32"))]
        let loaded = Content::from_files(BUNDLED_FILES);
        match loaded {
            Ok(c) => c,
            Err(problems) => {
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                panic!("bundled content is invalid:\n{}", list.join("\n"))
            }
        }
    })
}

/// The bundled content with every language's texts installed, natively (the `sos` tool and
/// tests). In the wasm the bundle carries no tables (each language is a file of its own,
/// installed when it arrives), so this is `bundled()` there.
pub fn bundled_with_languages() -> &'static Content {
    let c = bundled();
    for (l, table) in &c.translations {
        lang::install(*l, table.clone());
    }
    c
}

/// A text in English and Simplified Chinese, as the content files write it; its other
/// languages are found by its English ([`lang`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub zh: String,
}

impl Text {
    /// The text in `lang`; the English where that language has no (current) translation.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
            other => lang::lookup(other, &self.en).unwrap_or(&self.en),
        }
    }

    /// Whether `lang` has its own text here (not the English standing in).
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => !self.en.is_empty(),
            Lang::Zh => !self.zh.is_empty(),
            other => lang::lookup(other, &self.en).is_some(),
        }
    }
}

/// A condition as written: fact -> accepted values.
pub type When = BTreeMap<String, Vec<String>>;

/// What a condition is about, once compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fact {
    Question(usize),
    Route,
}

/// One compiled `fact in values` term; `mask` has bit i set for accepted value i
/// (option index of the question, or route index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub fact: Fact,
    pub mask: u32,
}

/// A compiled condition: all terms must hold. Empty means always true.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cond(pub Vec<Term>);

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub publisher: String,
    /// `official`, `official-excerpt` or `secondary`.
    pub kind: String,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `unknown`.
    pub date: String,
    #[serde(default)]
    pub address: Option<String>,
    /// `YYYY-MM-DD`: the day someone last read the source at that address.
    #[serde(default)]
    pub checked: Option<String>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One of the listed options.
    #[default]
    Choice,
    /// An ISO 3166 alpha-2 country code.
    Country,
    /// A place in the directory (`hangzhou`, `province.sichuan`), or one of the options. The
    /// options are what conditions can tell apart: a place counts as the option that names
    /// it, its city or its province (`places`), else as the `otherwise` option.
    Place,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: Text,
    pub help: Text,
    /// Who can answer it when the user does not know (the embassy, 12367, the office).
    pub who_can_answer: Text,
    pub sources: Vec<String>,
    /// Asked only when this holds (or may hold); may refer only to earlier questions.
    #[serde(default)]
    pub asked_when: When,
    #[serde(default)]
    pub kind: QuestionKind,
    /// Optional questions are asked last and never block a result.
    #[serde(default)]
    pub optional: bool,
    #[serde(default, rename = "option")]
    pub options: Vec<QuestionOption>,
    #[serde(skip)]
    pub(crate) asked: Cond,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    pub id: String,
    pub label: Text,
    /// An answer such as "still waiting" that says the fact is not known yet.
    #[serde(default)]
    pub means_unknown: bool,
    /// For a place question: the places (and all within them) this option stands for, besides
    /// the place its id names.
    #[serde(default)]
    pub places: Vec<String>,
    /// For a place question: the option every other place counts as.
    #[serde(default)]
    pub otherwise: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// What would lead to this route, in the person's words ("If your embassy can issue…"),
    /// shown where an undetermined plan lists the routes still open. Not for the
    /// undetermined route itself.
    #[serde(default)]
    pub if_chosen: Option<Text>,
    pub sources: Vec<String>,
}

/// What a rule selects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Target {
    #[default]
    Nothing,
    Route(usize),
    Step(usize),
    Warning(usize),
    Unknown(usize),
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// The id of the route, step, warning or unknown it selects.
    pub selects: String,
    #[serde(default)]
    pub when: When,
    /// Why the item applies, shown to the user.
    pub why: Text,
    pub sources: Vec<String>,
    /// Position in the plan when this rule selects a step (overrides the step's own order).
    #[serde(default)]
    pub order: Option<u32>,
    #[serde(skip)]
    pub(crate) cond: Cond,
    #[serde(skip)]
    pub(crate) target: Target,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub text: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub when: When,
    #[serde(skip)]
    pub(crate) cond: Cond,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Digits as dialled in China: `12367`, `0898-68590746`.
    pub number: String,
    pub label: Text,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub when: When,
    #[serde(skip)]
    pub(crate) cond: Cond,
}

/// A wording of a step's officer sentence for some answers (`[[step.officer_variant]]`), for
/// example "my passport was stolen" instead of "my passport can't be used". The engine shows
/// the first variant whose `when` certainly holds, else the step's `officer_sentence`, which
/// must therefore be true whatever the answers (see [`crate::engine::PlanStep::officer_sentence`]).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerSentence {
    pub id: String,
    /// `zh` is shown, `en` is its meaning.
    pub text: Text,
    pub sources: Vec<String>,
    /// Required: a variant with no condition would always hide the step's own sentence.
    #[serde(default)]
    pub when: When,
    #[serde(skip)]
    pub(crate) cond: Cond,
}

/// A decision period in working days, national or local.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingDays {
    pub days: u32,
    /// `national` or `local`.
    pub scope: String,
    /// For a local figure: the locations it applies to.
    #[serde(default)]
    pub locations: Vec<String>,
    pub label: Text,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    /// Default position in the plan.
    pub order: u32,
    pub title: Text,
    pub what_to_do: Text,
    /// Where to go, in general terms (shown when no office is known for the location).
    #[serde(rename = "where")]
    pub where_: Text,
    /// Offices at the user's location with this role are listed for the step.
    #[serde(default)]
    pub office_role: Option<String>,
    /// A sentence to show an officer: `zh` is shown, `en` is its meaning. This is the default
    /// wording, true for every case the step can appear in; [`Step::officer_variants`] may
    /// replace it for some answers. Show [`crate::engine::PlanStep::officer_sentence`], which
    /// is the wording chosen for the user's answers.
    pub officer_sentence: Text,
    /// Wordings of the officer sentence for some answers; the first that certainly holds wins.
    #[serde(default, rename = "officer_variant")]
    pub officer_variants: Vec<OfficerSentence>,
    pub sources: Vec<String>,
    /// The step counts as done when this holds (for example a certificate is in hand).
    #[serde(default)]
    pub done_when: When,
    #[serde(default)]
    pub bring: Vec<Line>,
    #[serde(default)]
    pub note: Vec<Line>,
    #[serde(default)]
    pub phone: Vec<Phone>,
    #[serde(default)]
    pub working_days: Vec<WorkingDays>,
    #[serde(skip)]
    pub(crate) done: Cond,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub id: String,
    pub title: Text,
    pub body: Text,
    pub sources: Vec<String>,
}

/// Something the sources do not say, and who can answer it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unknown {
    pub id: String,
    pub title: Text,
    pub body: Text,
    pub who_can_answer: Text,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    /// Values of the `location` question it serves.
    pub locations: Vec<String>,
    /// What it handles: `loss_report`, `permit`, `visa`, `consultation`.
    pub roles: Vec<String>,
    pub name: Text,
    /// None when no source gives it: the app must not guess.
    #[serde(default)]
    pub address: Option<Text>,
    /// Required when the address is not known, says so plainly.
    #[serde(default)]
    pub address_note: Option<Text>,
    #[serde(default)]
    pub hours: Option<Text>,
    #[serde(default)]
    pub phone: Vec<Phone>,
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<String>,
    /// `YYYY-MM-DD`: when these facts were last checked against their sources.
    pub last_checked: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyDocument {
    /// ISO 3166 alpha-2, upper case.
    pub nationality: String,
    pub name: Text,
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<String>,
}

/// A page of help beside the plan, for a situation the questions do not cover (the phone went
/// with the passport). Reached from the start screen; every section cites its sources.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    /// The start screen's link to it.
    pub link: Text,
    #[serde(rename = "section")]
    pub sections: Vec<TopicSection>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSection {
    pub id: String,
    pub title: Text,
    pub body: Text,
    /// Numbers only where a source gives them; each cites its own.
    #[serde(default)]
    pub phone: Vec<Phone>,
    pub sources: Vec<String>,
}

/// What the static page shows when the app cannot run, built from the items it names
/// (see [`crate::essentials`]).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Essentials {
    pub title: Text,
    pub newer_browser: Text,
    pub steps: Vec<String>,
    pub warnings: Vec<String>,
    pub routes: Vec<String>,
}

/// The whole content, parsed and compiled.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Content {
    pub sources: Vec<Source>,
    pub questions: Vec<Question>,
    /// The label of the "I don't know / not yet" answer every question accepts.
    pub unknown_label: Text,
    pub routes: Vec<Route>,
    pub rules: Vec<Rule>,
    pub steps: Vec<Step>,
    pub warnings: Vec<Warning>,
    pub unknowns: Vec<Unknown>,
    pub offices: Vec<Office>,
    pub emergency_documents: Vec<EmergencyDocument>,
    /// Shown when no source names the nationality's emergency document.
    pub emergency_document_not_known: Line,
    pub topics: Vec<Topic>,
    pub essentials: Essentials,
    /// Source ids cited by files other than ours (the holiday calendar).
    pub(crate) external_citations: Vec<(String, String)>,
    /// The interface messages, in the order of [`crate::ui::Msg`].
    pub ui: Vec<Text>,
    /// The languages not written inline: their tables, as `sos bundle` ships them (native only).
    #[serde(skip)]
    pub translations: Vec<(Lang, lang::Table)>,
    /// Translations whose English changed since they were made: listed by `sos check`.
    #[serde(skip)]
    pub stale: Vec<(Lang, lang::TextAt)>,
    /// Texts missing in a language, and the like: reported by [`check`].
    #[serde(skip)]
    pub(crate) translation_problems: Vec<Problem>,
    /// Countries, places, embassies: loaded with the files natively, and in the app once its
    /// file has arrived ([`Content::set_directory`]).
    #[serde(skip)]
    directory: OnceLock<Directory>,
}

/// The question whose answer selects the offices and local rules shown.
pub const LOCATION: &str = "location";
/// The answer every question accepts besides its options.
pub const UNKNOWN: &str = "unknown";
/// The route reported while the deciding answers are not known.
pub const UNDETERMINED: &str = "route.undetermined";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Source>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    unknown_label: Text,
    question: Vec<Question>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutesFile {
    route: Vec<Route>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<Rule>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepsFile {
    step: Vec<Step>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningsFile {
    warning: Vec<Warning>,
    unknown: Vec<Unknown>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficesFile {
    office: Vec<Office>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topic: Vec<Topic>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UiFile {
    msg: BTreeMap<String, Text>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsFile {
    not_known: Line,
    document: Vec<EmergencyDocument>,
}

fn parse<T: for<'de> Deserialize<'de>>(
    files: &[(&str, &str)],
    name: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let Some((_, text)) = files.iter().find(|(n, _)| *n == name) else {
        problems.push(Problem::new(name, "-", "file is missing"));
        return None;
    };
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(Problem::new(name, "-", &format!("cannot be read: {e}")));
            None
        }
    }
}

/// The messages of ui.toml in the order of [`crate::ui::Msg`]; a name on one side only is a
/// problem, so no message can be shown without its text.
fn ui_in_order(mut msg: BTreeMap<String, Text>, problems: &mut Vec<Problem>) -> Vec<Text> {
    let list = crate::ui::Msg::NAMES
        .iter()
        .map(|name| {
            msg.remove(*name).unwrap_or_else(|| {
                problems.push(Problem::new("ui.toml", name, "message missing: the app shows it (src/ui.rs)"));
                Text::default()
            })
        })
        .collect();
    for name in msg.keys() {
        problems.push(Problem::new("ui.toml", name, "no such message in src/ui.rs"));
    }
    list
}

/// Reads each language file against the texts of the content files. A missing text of a file
/// that must be translated is a problem (named by file and path); a stale one is kept aside
/// for `sos check` to list, and not shipped.
fn translations(files: &[(&str, &str)], problems: &mut Vec<Problem>) -> (Vec<(Lang, lang::Table)>, Vec<(Lang, lang::TextAt)>) {
    let mut texts = Vec::new();
    for (name, text) in files.iter().filter(|(n, _)| !n.starts_with("lang/")) {
        if let Ok(value) = toml::from_str::<toml::Value>(text) {
            texts.extend(lang::text_paths(name, &value));
        }
    }
    let mut tables = Vec::new();
    let mut stale = Vec::new();
    for l in Lang::translated() {
        let file = format!("lang/{}.toml", l.code());
        let Some((_, text)) = files.iter().find(|(n, _)| *n == file) else {
            problems.push(Problem::new(&file, "-", "file is missing"));
            continue;
        };
        let entries: BTreeMap<String, lang::Entry> = match toml::from_str(text) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::new(&file, "-", &format!("cannot be read: {e}")));
                continue;
            }
        };
        let found = lang::compare(&texts, &entries);
        for t in &found.missing {
            let msg = format!("{} text missing for {} (`sos translations {}` lists what to write)", l.own_name(), t.file, l.code());
            problems.push(Problem::new(&file, &t.path, &msg));
        }
        for (path, msg) in &found.problems {
            problems.push(Problem::new(&file, path, msg));
        }
        stale.extend(found.stale.into_iter().map(|t| (l, t)));
        tables.push((l, found.table));
    }
    (tables, stale)
}

/// Every `source = "…"` or `sources = […]` in a file we do not own the schema of.
fn scan_citations(file: &str, value: &toml::Value, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                match (k.as_str(), v) {
                    ("source", toml::Value::String(s)) => out.push((file.to_string(), s.clone())),
                    ("sources", toml::Value::Array(a)) => {
                        for s in a.iter().filter_map(|x| x.as_str()) {
                            out.push((file.to_string(), s.to_string()));
                        }
                    }
                    _ => scan_citations(file, v, out),
                }
            }
        }
        toml::Value::Array(a) => a.iter().for_each(|v| scan_citations(file, v, out)),
        _ => {}
    }
}

impl Content {
    /// An interface message in `lang`.
    pub fn message(&self, msg: crate::ui::Msg, lang: Lang) -> &str {
        self.ui.get(msg as usize).map(|t| t.get(lang)).unwrap_or("")
    }

    /// The compact binary form the app ships (postcard): the parsed content without its
    /// compiled conditions, which [`Content::from_bundle`] rebuilds.
    pub fn to_bundle(&self) -> Vec<u8> {
        // Plain strings, vectors and maps: serialising them cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Reads [`Content::to_bundle`]'s output and compiles its conditions.
    pub fn from_bundle(bytes: &[u8]) -> Result<Content, Vec<Problem>> {
        let mut content: Content = postcard::from_bytes(bytes)
            .map_err(|e| vec![Problem::new("bundle", "-", &format!("cannot be read: {e}"))])?;
        let mut problems = Vec::new();
        content.compile(&mut problems);
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(problems)
        }
    }

    /// Parses and compiles content from raw file texts (file name -> TOML). Fails with the
    /// problems that make the content unusable: unreadable files, duplicate or unknown ids in
    /// rules and conditions. [`check`] reports these and everything else.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Content, Vec<Problem>> {
        let mut problems = Vec::new();
        let sources: Option<SourcesFile> = parse(files, "sources.toml", &mut problems);
        let questions: Option<QuestionsFile> = parse(files, "questions.toml", &mut problems);
        let routes: Option<RoutesFile> = parse(files, "routes.toml", &mut problems);
        let rules: Option<RulesFile> = parse(files, "rules.toml", &mut problems);
        let steps: Option<StepsFile> = parse(files, "steps.toml", &mut problems);
        let warnings: Option<WarningsFile> = parse(files, "warnings.toml", &mut problems);
        let offices: Option<OfficesFile> = parse(files, "offices.toml", &mut problems);
        let documents: Option<DocumentsFile> =
            parse(files, "emergency_documents.toml", &mut problems);
        let topics: Option<TopicsFile> = parse(files, "topics.toml", &mut problems);
        let essentials: Option<Essentials> = parse(files, "essentials.toml", &mut problems);
        let ui: Option<UiFile> = parse(files, "ui.toml", &mut problems);
        let ui = ui.map(|u| ui_in_order(u.msg, &mut problems));
        // Kept apart so that a missing translation does not hide the content's own problems.
        let mut translation_problems = Vec::new();
        let (translations, stale) = translations(files, &mut translation_problems);
        let directory = Directory::from_files(files).map_err(|p| problems.extend(p)).ok();
        let mut external_citations = Vec::new();
        if let Some((name, text)) = files.iter().find(|(n, _)| *n == "holidays.toml") {
            match toml::from_str::<toml::Value>(text) {
                Ok(v) => scan_citations(name, &v, &mut external_citations),
                Err(e) => problems.push(Problem::new(name, "-", &format!("cannot be read: {e}"))),
            }
        }
        let (
            Some(sources),
            Some(questions),
            Some(routes),
            Some(rules),
            Some(steps),
            Some(warnings),
            Some(offices),
            Some(documents),
            Some(topics),
            Some(essentials),
            Some(directory),
            Some(ui),
        ) = (sources, questions, routes, rules, steps, warnings, offices, documents, topics, essentials, directory, ui)
        else {
            return Err(problems);
        };
        let mut content = Content {
            sources: sources.source,
            questions: questions.question,
            unknown_label: questions.unknown_label,
            routes: routes.route,
            rules: rules.rule,
            steps: steps.step,
            warnings: warnings.warning,
            unknowns: warnings.unknown,
            offices: offices.office,
            emergency_documents: documents.document,
            emergency_document_not_known: documents.not_known,
            topics: topics.topic,
            essentials,
            external_citations,
            ui,
            translations,
            stale,
            translation_problems,
            directory: OnceLock::from(directory),
        };
        content.compile(&mut problems);
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(problems)
        }
    }

    fn compile(&mut self, problems: &mut Vec<Problem>) {
        duplicates("sources.toml", self.sources.iter().map(|s| &s.id), problems);
        duplicates("questions.toml", self.questions.iter().map(|s| &s.id), problems);
        duplicates("routes.toml", self.routes.iter().map(|s| &s.id), problems);
        duplicates("rules.toml", self.rules.iter().map(|s| &s.id), problems);
        duplicates("steps.toml", self.steps.iter().map(|s| &s.id), problems);
        let w = self.warnings.iter().map(|s| &s.id).chain(self.unknowns.iter().map(|s| &s.id));
        duplicates("warnings.toml", w, problems);
        duplicates("offices.toml", self.offices.iter().map(|s| &s.id), problems);
        let docs = self.emergency_documents.iter().map(|s| &s.nationality);
        duplicates("emergency_documents.toml", docs, problems);
        duplicates("topics.toml", self.topics.iter().map(|t| &t.id), problems);
        if !self.routes.iter().any(|r| r.id == UNDETERMINED) {
            problems.push(Problem::new("routes.toml", UNDETERMINED, "route is missing"));
        }
        if self.routes.len() > 32 {
            problems.push(Problem::new("routes.toml", "-", "more than 32 routes"));
        }
        for i in 0..self.questions.len() {
            let q = self.questions[i].clone();
            if q.options.len() > 32 {
                problems.push(Problem::new("questions.toml", &q.id, "more than 32 options"));
            }
            if q.options.iter().any(|o| o.id == UNKNOWN) {
                let msg = "`unknown` is implied, do not list it";
                problems.push(Problem::new("questions.toml", &q.id, msg));
            }
            let cond = self.compile_when("questions.toml", &q.id, &q.asked_when, Some(i), problems);
            if cond.0.iter().any(|t| t.fact == Fact::Route) {
                let msg = "asked_when may not depend on the route";
                problems.push(Problem::new("questions.toml", &q.id, msg));
            }
            self.questions[i].asked = cond;
        }
        for i in 0..self.rules.len() {
            let r = &self.rules[i];
            let target = if let Some(x) = self.routes.iter().position(|x| x.id == r.selects) {
                Target::Route(x)
            } else if let Some(x) = self.steps.iter().position(|x| x.id == r.selects) {
                Target::Step(x)
            } else if let Some(x) = self.warnings.iter().position(|x| x.id == r.selects) {
                Target::Warning(x)
            } else if let Some(x) = self.unknowns.iter().position(|x| x.id == r.selects) {
                Target::Unknown(x)
            } else {
                let msg = format!("selects unknown id `{}`", r.selects);
                problems.push(Problem::new("rules.toml", &r.id, &msg));
                Target::Nothing
            };
            let cond = self.compile_when("rules.toml", &r.id, &r.when, None, problems);
            if matches!(target, Target::Route(_)) && cond.0.iter().any(|t| t.fact == Fact::Route) {
                let msg = "a route rule may not depend on the route";
                problems.push(Problem::new("rules.toml", &r.id, msg));
            }
            if r.selects == UNDETERMINED && !cond.0.is_empty() {
                let msg = "route.undetermined is chosen by the engine; leave `when` empty";
                problems.push(Problem::new("rules.toml", &r.id, msg));
            }
            self.rules[i].cond = cond;
            self.rules[i].target = target;
        }
        for i in 0..self.steps.len() {
            let s = self.steps[i].clone();
            self.steps[i].done = self.compile_when("steps.toml", &s.id, &s.done_when, None, problems);
            for (j, l) in s.bring.iter().enumerate() {
                let id = format!("{} / {}", s.id, l.id);
                self.steps[i].bring[j].cond =
                    self.compile_when("steps.toml", &id, &l.when, None, problems);
            }
            for (j, l) in s.note.iter().enumerate() {
                let id = format!("{} / {}", s.id, l.id);
                self.steps[i].note[j].cond =
                    self.compile_when("steps.toml", &id, &l.when, None, problems);
            }
            for (j, p) in s.phone.iter().enumerate() {
                let id = format!("{} / {}", s.id, p.number);
                self.steps[i].phone[j].cond =
                    self.compile_when("steps.toml", &id, &p.when, None, problems);
            }
            for (j, v) in s.officer_variants.iter().enumerate() {
                let id = format!("{} / {}", s.id, v.id);
                self.steps[i].officer_variants[j].cond =
                    self.compile_when("steps.toml", &id, &v.when, None, problems);
            }
        }
    }

    fn compile_when(
        &self,
        file: &str,
        id: &str,
        when: &When,
        before: Option<usize>,
        problems: &mut Vec<Problem>,
    ) -> Cond {
        let mut terms = Vec::new();
        for (fact, values) in when {
            let (fact_ref, ids): (Fact, Vec<&str>) = if fact == "route" {
                (Fact::Route, self.routes.iter().map(|r| r.id.as_str()).collect())
            } else if let Some(q) = self.question_index(fact) {
                if let Some(b) = before {
                    if q >= b {
                        let msg = format!("asked_when refers to `{fact}`, which is not asked before it");
                        problems.push(Problem::new(file, id, &msg));
                    }
                }
                if self.questions[q].kind == QuestionKind::Country {
                    let msg = format!("`{fact}` only names a document; conditions may not use it");
                    problems.push(Problem::new(file, id, &msg));
                }
                let ids = self.questions[q].options.iter().map(|o| o.id.as_str()).collect();
                (Fact::Question(q), ids)
            } else {
                problems.push(Problem::new(file, id, &format!("unknown fact `{fact}` in condition")));
                continue;
            };
            if values.is_empty() {
                problems.push(Problem::new(file, id, &format!("`{fact}` lists no values")));
            }
            let mut mask = 0u32;
            for v in values {
                match ids.iter().position(|x| x == v) {
                    Some(p) if p < 32 => mask |= 1 << p,
                    _ => {
                        let msg = format!("unknown value `{v}` for `{fact}`");
                        problems.push(Problem::new(file, id, &msg));
                    }
                }
            }
            terms.push(Term { fact: fact_ref, mask });
        }
        Cond(terms)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|x| x.id == id)
    }
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|x| x.id == id)
    }
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|x| x.id == id)
    }
    pub fn warning(&self, id: &str) -> Option<&Warning> {
        self.warnings.iter().find(|x| x.id == id)
    }
    pub fn unknown(&self, id: &str) -> Option<&Unknown> {
        self.unknowns.iter().find(|x| x.id == id)
    }
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.all_offices().find(|x| x.id == id)
    }
    /// Every office: the content's, and in the app those that came with the directory.
    pub fn all_offices(&self) -> impl Iterator<Item = &Office> + '_ {
        self.offices.iter().chain(self.directory().into_iter().flat_map(|d| d.offices.iter()))
    }
    /// Every source, likewise.
    pub fn all_sources(&self) -> impl Iterator<Item = &Source> + '_ {
        self.sources.iter().chain(self.directory().into_iter().flat_map(|d| d.sources.iter()))
    }
    /// The content and the directory as the app ships them: the offices, and the sources
    /// only offices cite, go with the directory (they cost the first load about 10 KB of
    /// brotli and only a plan shows them).
    pub fn split_for_app(&self) -> (Content, Directory) {
        let mut directory = self.directory().cloned().unwrap_or_default();
        let mut content = self.clone();
        content.directory = OnceLock::new();
        let by_offices: std::collections::BTreeSet<&str> =
            self.offices.iter().flat_map(|o| o.sources.iter().chain(o.phone.iter().flat_map(|p| p.sources.iter()))).map(|s| s.as_str()).collect();
        let mut others = Content { offices: Vec::new(), ..content.clone() };
        others.sources.clear();
        let elsewhere: std::collections::BTreeSet<String> = check::citations(&others).into_iter().collect();
        let (moved, kept): (Vec<Source>, Vec<Source>) =
            content.sources.drain(..).partition(|s| by_offices.contains(s.id.as_str()) && !elsewhere.contains(&s.id));
        content.sources = kept;
        directory.sources = moved;
        directory.offices = std::mem::take(&mut content.offices);
        (content, directory)
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|x| x.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.all_sources().find(|x| x.id == id)
    }
    /// Offices serving a location (a value of the `location` question), in file order.
    pub fn offices_at<'c, 'l>(&'c self, location: &'l str) -> impl Iterator<Item = &'c Office> + use<'c, 'l> {
        self.all_offices().filter(move |o| o.locations.iter().any(|l| l == location))
    }
    /// Offices with a role for a place: those of the place itself, else of the city it is
    /// within, else of its province (the first of these that has one).
    pub fn offices_for<'c>(&'c self, place: &str, role: &str) -> Vec<&'c Office> {
        let chain: Vec<&str> = match self.directory() {
            Some(d) if d.place(place).is_some() => d.chain(place).into_iter().map(|p| p.id.as_str()).collect(),
            _ => vec![place],
        };
        for at in chain {
            let found: Vec<&Office> = self.offices_at(at).filter(|o| o.roles.iter().any(|r| r == role)).collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }
    /// The directory, once it is loaded (always, natively).
    pub fn directory(&self) -> Option<&Directory> {
        self.directory.get()
    }
    /// Gives the app's content the directory it fetched; a second call changes nothing.
    pub fn set_directory(&self, directory: Directory) {
        let _ = self.directory.set(directory);
    }
    /// For the place question: the option an answer counts as, and the place it names (a
    /// directory id). `None`: not an accepted answer, or, before the directory is loaded, a
    /// place that cannot be placed yet.
    pub fn place_answer<'c>(&'c self, q: &'c Question, value: &str) -> Option<(usize, Option<&'c str>)> {
        let d = self.directory();
        if let Some(i) = q.options.iter().position(|o| o.id == value) {
            let o = &q.options[i];
            let place = o.places.first().map(|p| p.as_str()).or_else(|| d.and_then(|d| d.place(&o.id)).map(|p| p.id.as_str()));
            return Some((i, place));
        }
        let d = d?;
        let place = d.place(value)?;
        for p in d.chain(value) {
            if let Some(i) = q.options.iter().position(|o| o.id == p.id || o.places.iter().any(|x| *x == p.id)) {
                return Some((i, Some(place.id.as_str())));
            }
        }
        q.options.iter().position(|o| o.otherwise).map(|i| (i, Some(place.id.as_str())))
    }
    /// The name of the emergency document the embassy of a nationality issues, if a source
    /// gives it. `None` means not known: show [`Content::emergency_document_not_known`].
    pub fn emergency_document(&self, nationality: &str) -> Option<&EmergencyDocument> {
        self.emergency_documents
            .iter()
            .find(|d| d.nationality.eq_ignore_ascii_case(nationality))
    }
    /// Whether `value` is an accepted answer to `question`.
    pub fn accepts(&self, question: &str, value: &str) -> bool {
        self.question(question).is_some_and(|q| {
            value == UNKNOWN
                || match q.kind {
                    QuestionKind::Choice => q.options.iter().any(|o| o.id == value),
                    QuestionKind::Country => match self.directory() {
                        Some(d) => d.country(value).is_some(),
                        None => is_country_code(value),
                    },
                    QuestionKind::Place => self.place_answer(q, value).is_some(),
                }
        })
    }
}

/// Two ASCII letters, either case.
pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn duplicates<'a>(file: &str, ids: impl Iterator<Item = &'a String>, problems: &mut Vec<Problem>) {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id.as_str()) {
            problems.push(Problem::new(file, id, "duplicate id"));
        }
    }
}
