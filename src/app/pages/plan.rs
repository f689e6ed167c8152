//! `#/plan`: the route in one sentence, warnings, the steps in order, what is still open.

use super::super::components::step::{step_view, StepCtx};
use super::super::components::{answers_summary, kept_from_before, may_apply, source_links};
use super::super::i18n::{fill, text, Msg};
use super::super::logic::{plan_text, question_target};
use super::super::router::question_href;
use super::super::state::{content, AppState};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::content::{Lang, UNDETERMINED};
use passport_sos::engine::PlanStep;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn plan_page(state: AppState, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    if state.answers.with(|a| a.0.is_empty()) {
        return vec![
            page_heading(t(Msg::PlanTitle)),
            tx("p", t(Msg::NoAnswersYet)),
            el("p").child(button_link("button big", "#/questions/document_state", t(Msg::StartButton))),
        ];
    }
    let outcome = state.outcome();
    let left = state.answers.with(|a| outcome.questions_in_play.iter().filter(|q| a.get(q).is_none()).count());
    let pending = outcome.next_question.map(|q| {
        el("div")
            .class("notice")
            .child(tx("p", &fill(t(Msg::QuestionsLeft), &[&left.to_string()])))
            .child(el("p").child(button_link("button", &question_href(q), t(Msg::ContinueButton))))
    });
    let route = c.route(outcome.route).map(|r| {
        el("section")
            .class("route")
            .attr("aria-labelledby", "route-title")
            .child(ctx("p", "route-title", r.title.get(lang)).id("route-title"))
            .child(tx("p", r.summary.get(lang)))
            .child(source_links(&r.sources, lang))
    });
    let possible = (!outcome.possible_routes.is_empty()).then(|| {
        let items = outcome.possible_routes.iter().filter_map(|r| c.route(r)).map(|r| tx("li", r.title.get(lang))).collect();
        vec![tx("p", t(Msg::PossibleRoutes)), list("ul", "", items)]
    });
    let warnings = (!outcome.warnings.is_empty()).then(|| {
        let items = outcome
            .warnings
            .iter()
            .filter_map(|w| c.warning(w.id).map(|d| (w, d)))
            .map(|(w, d)| {
                let may = may_apply(&outcome, w.certain, &w.because, lang);
                el("li")
                    .class("warning")
                    .child(tx("h4", d.title.get(lang)))
                    .maybe(may)
                    .child(tx("p", d.body.get(lang)))
                    .child(source_links(&d.sources, lang))
            })
            .collect();
        section("warnings", "warnings-heading", t(Msg::ReadFirst)).child(list("ul", "", items))
    });

    let total = outcome.steps.len();
    let steps_section = |heading_id: &str, heading: Msg, steps: Vec<(usize, &PlanStep<'static>)>| {
        let items = steps
            .into_iter()
            .filter_map(|(n, s)| {
                let cx = StepCtx { state, outcome: &outcome, lang, alone: false, number: n + 1, total };
                step_view(&cx, s).map(|v| el("li").child(v))
            })
            .collect();
        section("", heading_id, t(heading)).child(list("ol", "steps", items))
    };
    let numbered: Vec<(usize, &PlanStep<'static>)> = outcome.steps.iter().enumerate().collect();
    let steps = if outcome.route == UNDETERMINED && outcome.steps.iter().any(|s| !s.certain) {
        let (sure, maybe): (Vec<_>, Vec<_>) = numbered.into_iter().partition(|(_, s)| s.certain);
        vec![steps_section("steps-heading", Msg::StepsAnyway, sure), steps_section("maybe-heading", Msg::StepsMaybe, maybe)]
    } else {
        vec![steps_section("steps-heading", Msg::OrderOfThings, numbered)]
    };

    let open = (!outcome.open_questions.is_empty() || !outcome.unknowns.is_empty()).then(|| {
        let questions: Vec<El> = outcome
            .open_questions
            .iter()
            .filter_map(|o| c.question(o.question))
            .map(|q| {
                el("li")
                    .child(el("p").child(link(&question_href(question_target(c, &outcome, &q.id)), q.text.get(lang))))
                    .child(ctx("p", "hint", &format!("{} {}", t(Msg::WhoCanAnswer), q.who_can_answer.get(lang))))
            })
            .collect();
        let unknowns: Vec<El> = outcome
            .unknowns
            .iter()
            .filter_map(|u| c.unknown(u.id).map(|d| (u, d)))
            .map(|(u, d)| {
                let may = may_apply(&outcome, u.certain, &u.because, lang);
                el("li")
                    .child(tx("h4", d.title.get(lang)))
                    .maybe(may)
                    .child(tx("p", d.body.get(lang)))
                    .child(ctx("p", "hint", &format!("{} {}", t(Msg::WhoCanAnswer), d.who_can_answer.get(lang))))
                    .child(source_links(&d.sources, lang))
            })
            .collect();
        let mut open = section("open", "open-heading", t(Msg::OpenTitle));
        if !questions.is_empty() {
            open = open.child(tx("p", t(Msg::OpenIntro))).child(list("ul", "open-questions", questions));
        }
        if !unknowns.is_empty() {
            open = open.child(tx("h4", t(Msg::UnknownsTitle))).child(list("ul", "unknowns", unknowns));
        }
        open
    });

    print_with_details();
    let mut out = vec![page_heading(t(Msg::PlanTitle))];
    out.extend(pending);
    out.extend(route);
    out.extend(possible.unwrap_or_default());
    out.extend(warnings);
    out.extend(steps);
    out.extend(open);
    out.push(answers_summary(state, lang));
    out.extend(kept_from_before(state, lang));
    out.push(share(state, lang));
    out
}

/// A printed plan carries every step's details: the folded parts open for the print and those
/// that were closed close again after it (printed with the button or the browser's menu).
fn print_with_details() {
    const MARK: &str = "data-opened-for-print";
    let each = |selector: &str, change: &dyn Fn(&web_sys::Element)| {
        let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(selector).ok());
        let Some(found) = found else { return };
        for i in 0..found.length() {
            if let Some(details) = found.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                change(&details);
            }
        }
    };
    let before = window_event_listener_untyped("beforeprint", move |_| {
        each("details.more:not([open])", &|d| {
            let _ = d.set_attribute(MARK, "");
            let _ = d.set_attribute("open", "");
        })
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        each("details.more[data-opened-for-print]", &|d| {
            let _ = d.remove_attribute(MARK);
            let _ = d.remove_attribute("open");
        })
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// "Copy plan as text" and "Print".
fn share(state: AppState, lang: Lang) -> El {
    let t = move |m| text(m, lang);
    // None: not tried; Some(true): copied; Some(false): show the text to select by hand.
    let copied = RwSignal::new(None::<bool>);
    let plan = move || {
        let outcome = state.outcome();
        state.envelope.with_untracked(|e| state.answers.with_untracked(|a| plan_text(content(), &outcome, a, &e.progress, lang)))
    };
    let copy = move |_| super::super::components::write_clipboard(&plan(), copied);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // The share sheet (to a chat, a friend, the embassy) where the browser has one; copying
    // stays for the others. A person who closes the sheet has not failed: nothing is said.
    let can_share = web_sys::window()
        .is_some_and(|w| web_sys::js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false));
    let sent = RwSignal::new(false);
    let send = move |_| {
        let Some(w) = web_sys::window() else { return };
        let data = web_sys::ShareData::new();
        data.set_title("Passport SOS China");
        data.set_text(&plan());
        let ok = Closure::once(move |_: JsValue| sent.set(true));
        let closed = Closure::once(|_: JsValue| {});
        let _ = w.navigator().share_with_data(&data).then2(&ok, &closed);
        ok.forget();
        closed.forget();
    };
    let status = status_line(move || {
        if sent.get() {
            return Some(t(Msg::Sent));
        }
        copied.get().map(|ok| if ok { t(Msg::Copied) } else { t(Msg::CopyFailed) })
    });
    let by_hand = region(el("div"), move || {
        if copied.get() != Some(false) {
            return vec![];
        }
        let area = el("textarea").id("plan-text").attr("readonly", "").attr("rows", "12").text(&plan());
        vec![el("label").class("block").attr("for", "plan-text").text(t(Msg::PlanText)), area]
    });
    section("share", "share-heading", t(Msg::ShareHeading))
        .child(
            el("p")
                .class("actions")
                .maybe(can_share.then(|| button("", t(Msg::SendPlan)).id("send-plan").on("click", send)))
                .child(button(if can_share { "secondary" } else { "" }, t(Msg::CopyPlan)).on("click", copy))
                .child(button("secondary", t(Msg::Print)).on("click", print)),
        )
        .child(status)
        .child(by_hand)
}
