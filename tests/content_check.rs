//! The content check: the bundled content is clean, and a broken copy reports each kind of
//! problem with its file and id.

use passport_sos::audit::check;
use passport_sos::content::{self, lang, Lang, BUNDLED_FILES};

fn broken(file: &str, from: &str, to: &str) -> Vec<content::Problem> {
    edited(file, |t| {
        assert!(t.contains(from), "{file} no longer contains {from:?}: update the test");
        t.replacen(from, to, 1)
    })
}

/// The check over the bundled files with one of them changed by `edit`.
fn edited(file: &str, edit: impl Fn(&str) -> String) -> Vec<content::Problem> {
    let files: Vec<(&str, String)> =
        BUNDLED_FILES.iter().map(|(n, t)| (*n, if *n == file { edit(t) } else { t.to_string() })).collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    check(&refs)
}

fn reports(problems: &[content::Problem], file: &str, id: &str, words: &str) {
    assert!(
        problems.iter().any(|p| p.file == file && p.id.contains(id) && p.message.contains(words)),
        "expected a problem in {file} for {id} mentioning {words:?}, got:\n{}",
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn bundled_content_passes_the_check() {
    let problems = check(BUNDLED_FILES);
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
    let _ = content::bundled();
}

#[test]
fn unknown_id_is_reported() {
    let p = broken("rules.toml", "selects = \"step.collect_permit\"", "selects = \"step.collect_permits\"");
    reports(&p, "rules.toml", "rule.step.collect_permit", "unknown id");
    let p = broken("rules.toml", "embassy_answer = [\"cannot_issue_in_china\"]", "embassy_answer = [\"cannot_issue\"]");
    reports(&p, "rules.toml", "rule.route.embassy_cannot_issue", "unknown value");
}

#[test]
fn missing_language_is_reported() {
    let p = broken("warnings.toml", "zh = \"暂时不要更改行程\"", "");
    reports(&p, "warnings.toml", "warn.no_travel_changes", "Chinese text missing");
}

#[test]
fn statement_without_source_is_reported() {
    let p = broken("warnings.toml", "sources = [\"article\", \"law-2012\", \"germany-embassy\"]\n\n[[warning]]\nid = \"warn.carry_documents\"", "sources = []\n\n[[warning]]\nid = \"warn.carry_documents\"");
    reports(&p, "warnings.toml", "warn.no_travel_changes", "no source");
    let p = broken("offices.toml", "sources = [\"shanghai-faq\", \"shanghai-loss-2019\", \"jiading-loss-2015\"]", "sources = [\"shanghai-faq\", \"no-such-source\"]");
    reports(&p, "offices.toml", "office.shanghai.exit_entry", "unknown source id");
}

#[test]
fn uncited_source_is_reported() {
    let p = broken("sources.toml", "[[source]]\nid = \"article\"", "[[source]]\nid = \"never-cited\"\ntitle = { en = \"x\", zh = \"x\" }\npublisher = \"x\"\nkind = \"secondary\"\ndate = \"2024\"\n\n[[source]]\nid = \"article\"");
    reports(&p, "sources.toml", "never-cited", "not cited");
}

#[test]
fn unreachable_items_are_reported() {
    // A step no rule selects, and a rule that can never hold.
    let p = broken("rules.toml", "when = { route = [\"route.permit\"] }\nwhy = { en = \"Once issued, the permit is collected", "when = { route = [\"route.permit\"], document_state = [\"have_it\"] }\nwhy = { en = \"Once issued, the permit is collected");
    reports(&p, "steps.toml", "step.collect_permit", "no answers can reach");
    reports(&p, "rules.toml", "rule.step.collect_permit", "no answers can reach");
    // An office whose only role no step asks for.
    let p = broken("steps.toml", "office_role = \"loss_report\"", "office_role = \"loss\"");
    reports(&p, "offices.toml", "office.shenzhen.exit_entry", "no answers can reach");
    let p = broken("warnings.toml", "id = \"warn.exit_bar\"", "id = \"warn.exit_bar\"\ntitle = { en = \"x\", zh = \"x\" }\nbody = { en = \"x\", zh = \"x\" }\nsources = [\"law-2012\"]\n\n[[warning]]\nid = \"warn.orphan\"");
    reports(&p, "warnings.toml", "warn.orphan", "no answers can reach");
}

#[test]
fn malformed_phone_and_dates_are_reported() {
    let p = broken("steps.toml", "number = \"12367\"", "number = \"1236 7\"");
    reports(&p, "steps.toml", "step.call_12367", "malformed phone");
    let p = broken("offices.toml", "last_checked = \"2026-12-02\"", "last_checked = \"2026-13-26\"");
    reports(&p, "offices.toml", "office.beijing.loss_window", "malformed last_checked");
    let p = broken("sources.toml", "date = \"2013-09-01\"", "date = \"Sept 2013\"");
    reports(&p, "sources.toml", "reg-2013", "malformed date");
    let p = broken("sources.toml", "checked = \"2026-12-02\"", "checked = \"2 Dec 2026\"");
    reports(&p, "sources.toml", "article", "malformed checked date");
}

#[test]
fn a_route_without_what_leads_to_it_is_reported() {
    // An undetermined plan names each open route by what would lead to it.
    let p = broken("routes.toml", "if_chosen = { en = \"If your embassy says it cannot", "note_ = { en = \"If your embassy says it cannot");
    assert!(!p.is_empty());
    let p = broken("routes.toml", "if_chosen = { en = \"If your embassy says it cannot", "# if_chosen = { en = \"If your embassy says it cannot");
    reports(&p, "routes.toml", "route.permit", "no `if_chosen`");
}

#[test]
fn unreadable_file_is_reported_with_its_name() {
    let p = broken("routes.toml", "[[route]]", "[[route]\n");
    reports(&p, "routes.toml", "-", "cannot be read");
}

#[test]
fn officer_variants_are_checked() {
    // A missing language.
    let en = "en = \"Hello, my passport was stolen. I need to report the theft and get a passport-loss report certificate. Where do I do this, and what should I bring?\"";
    let p = broken("steps.toml", en, "en = \"\"");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "English text missing");
    // No Chinese in the sentence to show.
    let zh = "zh = \"您好，我的护照被盗了。我需要报案，并开具护照报失证明。请问在哪里办理？需要带哪些材料？\"";
    let p = broken("steps.toml", zh, "zh = \"Hello\"");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "no Chinese characters");
    // An unknown value, an unknown source, no condition, a condition no answers reach.
    let p = broken("steps.toml", "when = { document_state = [\"stolen\"] }\n", "when = { document_state = [\"pickpocketed\"] }\n");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "unknown value");
    let p = broken("steps.toml", "sources = [\"article\", \"beijing-loss\", \"chengdu-loss\"]\nwhen = { document_state = [\"stolen\"] }", "sources = [\"nowhere\"]\nwhen = { document_state = [\"stolen\"] }");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "unknown source id");
    let p = broken("steps.toml", "when = { document_state = [\"stolen\"] }\n", "\n");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "needs a `when`");
    let p = broken("steps.toml", "when = { route = [\"route.no_loss\"] }\n", "when = { route = [\"route.no_loss\"], urgency = [\"urgent\"] }\n");
    reports(&p, "steps.toml", "officer.call_12367.no_loss", "no answers can reach");
    // Ids are shared with the lines: a duplicate is reported.
    let p = broken("steps.toml", "id = \"officer.report_loss.robbed\"", "id = \"officer.report_loss.stolen\"");
    reports(&p, "steps.toml", "officer.report_loss.stolen", "duplicate");
}

/// The directory: a post without a source, a malformed number, a district that is not a
/// province, two posts of a country claiming one province, a place in an unknown province.
#[test]
fn directory_entries_are_checked() {
    let p = broken("embassies.toml", "{ number = \"028-85280800\"", "{ number = \"028-8528080\u{30}0\u{30}0\"");
    reports(&p, "embassies.toml", "post.de.chengdu", "malformed phone number");
    let p = broken("embassies.toml", "district = [\"province.sichuan\", \"province.yunnan\", \"province.guizhou\", \"chongqing\"]", "district = [\"province.sichuan\", \"province.yunnan\", \"province.guizhou\", \"chengdu\"]");
    reports(&p, "embassies.toml", "post.de.chengdu", "not a province-level place");
    let p = broken("embassies.toml", "district = [\"province.sichuan\", \"province.yunnan\", \"province.guizhou\", \"chongqing\"]", "district = [\"province.sichuan\", \"province.yunnan\", \"province.guizhou\", \"chongqing\", \"shanghai\"]");
    reports(&p, "embassies.toml", "post.de.chengdu", "also in the district of");
    let p = broken("places.toml", "province = \"province.zhejiang\"", "province = \"province.zhejiangg\"");
    reports(&p, "places.toml", "", "not a province-level place");
}

#[test]
fn a_post_without_any_source_is_reported() {
    // Every post's sources emptied.
    let p = edited("embassies.toml", |t| {
        let (mut out, mut skipping) = (String::new(), false);
        for line in t.lines() {
            if skipping {
                skipping = line != "]";
            } else if line.starts_with("sources = [") {
                out.push_str("sources = []\n");
                skipping = !line.ends_with(']');
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    });
    reports(&p, "embassies.toml", "post.de.chengdu", "no source");
}

// ---- Languages: a text missing in one fails, a changed English is listed and not shipped.

/// The files with several of them changed.
fn files_with(changes: &[(&str, &dyn Fn(&str) -> String)]) -> Vec<(&'static str, String)> {
    BUNDLED_FILES
        .iter()
        .map(|(n, t)| (*n, changes.iter().find(|(f, _)| f == n).map_or_else(|| t.to_string(), |(_, edit)| edit(t))))
        .collect()
}

fn refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    files.iter().map(|(n, t)| (*n, t.as_str())).collect()
}

/// Drops one entry (its three lines) from a language file.
fn without_entry(text: &str, path: &str) -> String {
    let head = format!("[\"{path}\"]\n");
    let at = text.find(&head).unwrap_or_else(|| panic!("no entry {path}: update the test"));
    let end = text[at + head.len()..].find("\n[").map_or(text.len(), |e| at + head.len() + e + 1);
    format!("{}{}", &text[..at], &text[end..])
}

#[test]
fn a_text_missing_in_any_language_names_the_language_file_and_where_the_text_is() {
    for code in ["ko", "ja", "ru"] {
        let file = format!("lang/{code}.toml");
        let p = edited(&file, |t| without_entry(t, "steps/step/step.report_loss/title"));
        reports(&p, &file, "steps/step/step.report_loss/title", "text missing for steps.toml");
        let p = edited(&file, |t| without_entry(t, "ui/msg/CopyPlan"));
        reports(&p, &file, "ui/msg/CopyPlan", "text missing for ui.toml");
    }
    // The directory's names and addresses are not translated (they are as the sources write
    // them): no entry is required for them.
    let p = edited("lang/ko.toml", |t| without_entry(t, "countries/country/DE/name"));
    assert!(p.is_empty(), "a country's name may fall back to English: {p:?}");
}

#[test]
fn a_translation_that_drops_a_blank_or_points_nowhere_is_reported() {
    let p = edited("lang/ru.toml", |t| {
        let head = "[\"ui/msg/QuestionProgress\"]\ntext = \"";
        let at = t.find(head).expect("QuestionProgress in ru.toml") + head.len();
        let end = at + t[at..].find('"').unwrap();
        format!("{}Вопрос{}", &t[..at], &t[end..])
    });
    reports(&p, "lang/ru.toml", "ui/msg/QuestionProgress", "`{}` to fill in");
    let p = edited("lang/ja.toml", |t| format!("{t}\n[\"steps/step/step.no_such_step/title\"]\ntext = \"x\"\nen_hash = \"00000000\"\n"));
    reports(&p, "lang/ja.toml", "step.no_such_step", "no text of the content is at this path");
}

#[test]
fn a_message_the_app_shows_without_its_text_is_reported() {
    let p = edited("ui.toml", |t| t.lines().filter(|l| !l.starts_with("CopyPlan = ")).collect::<Vec<_>>().join("\n"));
    reports(&p, "ui.toml", "CopyPlan", "message missing");
    let p = edited("ui.toml", |t| format!("{t}\nNoSuchMessage = {{ en = \"x\", zh = \"x\" }}\n"));
    reports(&p, "ui.toml", "NoSuchMessage", "no such message");
}

#[test]
fn an_english_text_changed_after_translation_is_listed_for_review_and_not_shipped() {
    let from = "title = { en = \"Report the loss and get the loss certificate\"";
    let new_en = "Report the loss and ask for the loss certificate";
    let steps = |t: &str| {
        assert!(t.contains(from), "steps.toml changed: update the test");
        t.replacen(from, &format!("title = {{ en = \"{new_en}\""), 1)
    };
    let files = files_with(&[("steps.toml", &steps)]);
    let files = refs(&files);
    assert!(check(&files).is_empty(), "stale is not a problem: the English is shown until review");
    let c = content::Content::from_files(&files).expect("loads");
    for lang in [Lang::Ko, Lang::Ja, Lang::Ru] {
        assert!(
            c.stale.iter().any(|(l, t)| *l == lang && t.path == "steps/step/step.report_loss/title" && t.file == "steps.toml"),
            "{lang:?} listed for review"
        );
        let table = &c.translations.iter().find(|(l, _)| *l == lang).unwrap().1;
        assert!(!table.iter().any(|(k, _)| *k == lang::key(new_en)), "{lang:?}: the old translation is not shown for the new English");
    }
    // Unchanged texts keep their translations.
    let ko = &c.translations.iter().find(|(l, _)| *l == Lang::Ko).unwrap().1;
    assert!(ko.iter().any(|(k, _)| *k == lang::key("Ask your embassy or consulate")));
}

#[test]
fn a_text_reads_in_every_language_once_its_table_is_installed() {
    let c = content::bundled_with_languages();
    let title = &c.step("step.report_loss").unwrap().title;
    assert_eq!(title.get(Lang::En), "Report the loss and get the loss certificate");
    assert_eq!(title.get(Lang::Zh), "报失并开具护照报失证明");
    assert_eq!(title.get(Lang::Ko), "분실 신고를 하고 분실 신고 증명서를 받으세요");
    assert_eq!(title.get(Lang::Ja), "紛失を届け出て紛失証明を受け取る");
    assert_eq!(title.get(Lang::Ru), "Заявите об утрате и получите справку об утрате");
    assert_eq!(c.message(passport_sos::ui::Msg::PlanTitle, Lang::Ru), "Ваш план");
}
