//! Pieces several screens share.

pub mod due;
pub mod picker;
pub mod step;
pub mod transfer;

use super::i18n::{text, Msg};
use super::router::source_href;
use super::state::{content, AppState};
use super::dom::*;
use leptos::prelude::*;
use passport_sos::content::Lang;

/// Calls `done` once with how the promise settled.
pub fn settle(promise: web_sys::js_sys::Promise, done: impl FnOnce(Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) + 'static) {
    use wasm_bindgen::prelude::*;
    let once = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let other = once.clone();
    let ok = Closure::once(move |v: JsValue| {
        if let Some(f) = once.borrow_mut().take() {
            f(Ok(v));
        }
    });
    let fail = Closure::once(move |e: JsValue| {
        if let Some(f) = other.borrow_mut().take() {
            f(Err(e));
        }
    });
    let _ = promise.then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

/// Writes a text to the clipboard and records whether it worked (`Some(false)`: show the text
/// to copy by hand).
pub fn write_clipboard(body: &str, copied: RwSignal<Option<bool>>) {
    use wasm_bindgen::prelude::*;
    let Some(w) = web_sys::window() else { return copied.set(Some(false)) };
    let ok = Closure::once(move |_: JsValue| copied.set(Some(true)));
    let fail = Closure::once(move |_: JsValue| copied.set(Some(false)));
    let _ = w.navigator().clipboard().write_text(body).then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

/// "Sources: <title>; <title>", each linking to its entry on the sources page.
pub fn source_links(ids: &'static [String], lang: Lang) -> El {
    let c = content();
    let mut p = ctx("p", "cites", text(Msg::SourcesLabel, lang)).text(" ");
    for (n, (id, title)) in ids.iter().filter_map(|id| c.source(id).map(|s| (id.as_str(), s.title.get(lang)))).enumerate() {
        if n > 0 {
            p = p.text("; ");
        }
        p = p.child(link(&source_href(id), title));
    }
    p
}

/// The sentences about storage and about dropped answers, above every screen.
pub fn notices(state: AppState) -> El {
    region(el("div").class("notices"), move || {
        let lang = state.lang.get();
        let mut out = Vec::new();
        if let Some(msg) = state.storage_note.get() {
            out.push(ctx("p", "notice", text(msg, lang)).attr("role", "status"));
        }
        // In the language shown: the one asked for has no words here until its file comes.
        match state.language.get() {
            crate::app::state::LanguageLoad::Loading(_) => out.push(ctx("p", "notice", text(Msg::LanguageLoading, lang)).attr("role", "status")),
            crate::app::state::LanguageLoad::Failed(_) => out.push(ctx("p", "notice", text(Msg::LanguageFailed, lang)).attr("role", "status")),
            crate::app::state::LanguageLoad::Idle => {}
        }
        let dropped = state.dropped.get().filter(|(_, target)| state.page.with(|p| p == target));
        if let Some((list_, _)) = dropped {
            let c = content();
            let items = list_
                .into_iter()
                .map(|d| {
                    let q = c.question(&d.question).map(|q| q.text.get(lang)).unwrap_or("");
                    let v = super::logic::answer_label(c, &d.question, &d.value, lang);
                    el("li").text(q).text(" — ").child(tx("s", v))
                })
                .collect();
            out.push(
                el("div")
                    .class("notice dropped")
                    .attr("role", "status")
                    .child(tx("p", text(Msg::DroppedIntro, lang)))
                    .child(list("ul", "", items)),
            );
        }
        out
    })
}

/// The saved answers the current rules no longer ask or cannot read (after an update, or from
/// an older file), listed so that nothing is dropped without the person seeing it.
pub fn kept_from_before(state: AppState, lang: Lang) -> Option<El> {
    let kept = super::logic::kept_from_before(content(), &state.outcome(), lang);
    (!kept.is_empty()).then(|| {
        let items = kept.into_iter().map(|(q, v)| el("li").text(&q).text(" — ").text(&v)).collect();
        el("div")
            .class("notice kept")
            .attr("role", "status")
            .child(tx("p", text(Msg::KeptFromBefore, lang)))
            .child(list("ul", "", items))
    })
}

/// For something the answers do not settle yet (`certain` false): the "may apply" badge and
/// the open questions that decide it.
pub fn may_apply(
    outcome: &passport_sos::engine::Outcome<'static>,
    certain: bool,
    because: &[passport_sos::engine::Fired<'static>],
    lang: Lang,
) -> Option<El> {
    if certain {
        return None;
    }
    let c = content();
    let links = super::logic::deciding_questions(c, outcome, because)
        .into_iter()
        .filter_map(|q| c.question(q).map(|d| (q, d.text.get(lang))))
        .map(|(q, t)| el("li").child(link(&super::router::question_href(super::logic::question_target(c, outcome, q)), t)))
        .collect();
    Some(
        el("div")
            .class("may")
            .child(ctx("span", "badge", text(Msg::MayApply, lang)))
            .child(el("span").text(" ").text(text(Msg::DependsOn, lang)))
            .child(list("ul", "", links)),
    )
}

/// The answers given so far, each with a link to change it.
pub fn answers_summary(state: AppState, lang: Lang) -> El {
    let c = content();
    let answers = state.answers.get();
    let outcome = state.outcome();
    let rows = outcome
        .questions_in_play
        .iter()
        .filter_map(|q| answers.get(q).map(|v| (*q, v.to_string())))
        .filter_map(|(q, v)| c.question(q).map(|d| (q, d, v)))
        .map(|(q, d, v)| {
            let label = super::logic::answer_label(c, q, &v, lang);
            let qtext = d.text.get(lang);
            el("li")
                .child(ctx("span", "q", qtext))
                .child(ctx("span", "a", label))
                .child(link(&super::router::question_href(q), text(Msg::Change, lang)).child(sr_only(&format!(": {qtext}"))))
        })
        .collect();
    section("summary", "summary-heading", text(Msg::YourAnswers, lang))
        .child(list("ul", "answers", rows))
}
