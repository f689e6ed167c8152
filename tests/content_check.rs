//! The content check: the bundled content is clean, and a broken copy reports each kind of
//! problem with its file and id.

use passport_sos::audit::check;
use passport_sos::content::{self, BUNDLED_FILES};

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
