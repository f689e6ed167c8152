//! `#/questions/<id>`: one question a screen, its options as large buttons.

use super::super::components::picker::{chosen_label, picker, Pick};
use super::super::components::source_links;
use super::super::i18n::{fill, text, Msg};
use super::super::router::question_href;
use super::super::state::{content, AppState, DirectoryLoad};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::content::{is_country_code, Lang, QuestionKind, UNKNOWN};

pub fn question_page(state: AppState, id: &str, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    let Some(q) = c.question(id) else { return super::not_found(lang) };
    let qid: &'static str = &q.id;
    let outcome = state.outcome();
    let Some(pos) = outcome.questions_in_play.iter().position(|x| *x == qid) else {
        let next = outcome.next_question.map(question_href).unwrap_or_else(|| "#/plan".to_string());
        return vec![
            page_heading(q.text.get(lang)),
            tx("p", t(Msg::QuestionNotInPlay)),
            el("p").child(button_link("button", &next, t(Msg::Continue))),
        ];
    };
    let total = outcome.questions_in_play.len();
    let current: Option<String> = state.answers.with(|a| a.get(qid).map(str::to_string));
    let back = match pos {
        0 => "#/".to_string(),
        n => question_href(outcome.questions_in_play[n - 1]),
    };
    let progress = fill(t(Msg::QuestionProgress), &[&(pos + 1).to_string(), &total.to_string()]);

    let option = |value: &'static str, label: &'static str| {
        let pressed = current.as_deref() == Some(value);
        // The answer's id beside its label: the same in every language (the tests walk by it).
        button("option", label)
            .attr("data-option", value)
            .attr("aria-pressed", if pressed { "true" } else { "false" })
            .on("click", move |_| state.answer(qid, value))
    };
    let mut options = el("div").class("options").attr("role", "group").attr("aria-labelledby", "page-heading");
    match q.kind {
        QuestionKind::Choice => {
            for o in &q.options {
                options = options.child(option(&o.id, o.label.get(lang)));
            }
        }
        QuestionKind::Country => {
            state.need_directory();
            options = match state.directory.get() {
                DirectoryLoad::Ready => options.maybe(chosen(Pick::Country, current.as_deref(), lang)).child(picker(state, qid, Pick::Country, lang)),
                // Without the list of countries (offline before it was ever fetched): the code.
                DirectoryLoad::Failed(why) => options.child(directory_failed(&why, lang)).child(country_form(state, qid, current.as_deref(), lang)),
                _ => options.child(ctx("p", "hint", t(Msg::DirectoryLoading))),
            };
        }
        QuestionKind::Place => {
            state.need_directory();
            let other = current.as_deref().filter(|v| *v != UNKNOWN && !q.options.iter().any(|o| o.id == *v));
            options = options.maybe(other.and_then(|v| chosen(Pick::Place, Some(v), lang)));
            // The search first (nine buttons would push it below the fold), then the quick
            // choices, which work without the directory.
            options = match state.directory.get() {
                DirectoryLoad::Ready => options.child(picker(state, qid, Pick::Place, lang)),
                DirectoryLoad::Failed(why) => options.child(directory_failed(&why, lang)),
                _ => options.child(ctx("p", "hint", t(Msg::DirectoryLoading))),
            };
            options = options.child(ctx("p", "quick-label", t(Msg::PickQuick)));
            for o in &q.options {
                options = options.child(option(&o.id, o.label.get(lang)));
            }
        }
    }
    let options = options.child(option(UNKNOWN, c.unknown_label.get(lang)));
    vec![
        ctx("p", "progress-text", &progress),
        el("progress").attr("max", &total.to_string()).attr("value", &(pos + 1).to_string()).attr("aria-hidden", "true"),
        page_heading(q.text.get(lang)),
        ctx("p", "help", q.help.get(lang)),
        options,
        ctx("p", "hint", &format!("{} {}", t(Msg::WhoCanAnswer), q.who_can_answer.get(lang))),
        source_links(&q.sources, lang),
        el("p").class("actions").child(button_link("button secondary", &back, &format!("← {}", t(Msg::Back)))),
    ]
}

/// "Your answer: Germany", for an answer the buttons do not show.
fn chosen(pick: Pick, current: Option<&str>, lang: Lang) -> Option<El> {
    let v = current.filter(|v| *v != UNKNOWN)?;
    let label = chosen_label(pick, v, lang).unwrap_or_else(|| v.to_string());
    Some(ctx("p", "chosen", &fill(text(Msg::YourAnswerIs, lang), &[&label])))
}

fn directory_failed(why: &str, lang: Lang) -> El {
    ctx("p", "error", &fill(text(Msg::DirectoryFailed, lang), &[why])).attr("role", "alert")
}

/// The nationality as a two-letter code, checked before it is taken: the way in when the
/// list of countries could not be loaded.
fn country_form(state: AppState, qid: &'static str, current: Option<&str>, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    let input = el("input")
        .id("country-code")
        .attr("type", "text")
        .attr("maxlength", "2")
        .attr("autocomplete", "country")
        .attr("autocapitalize", "characters")
        .attr("spellcheck", "false")
        .attr("aria-describedby", "country-error");
    let field = input.input();
    field.set_value(current.filter(|v| *v != UNKNOWN).unwrap_or_default());
    let error = el("p").id("country-error").class("error").attr("role", "alert");
    let (shown, cleared) = (error.0.clone(), error.0.clone());
    let input = input.on("input", move |_| cleared.set_text_content(None));
    el("form")
        .class("country")
        .on("submit", move |ev| {
            ev.prevent_default();
            let v = field.value().trim().to_string();
            if is_country_code(&v) {
                state.answer(qid, &v);
            } else {
                shown.set_text_content(Some(t(Msg::CountryInvalid)));
            }
        })
        .child(el("label").class("block").attr("for", "country-code").text(t(Msg::CountryLabel)))
        .child(input)
        .child(error)
        .child(el("button").attr("type", "submit").text(t(Msg::Continue)))
}
