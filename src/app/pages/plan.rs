//! `#/plan`: the route in one sentence, warnings, the steps in order, what is still open.

use super::super::components::step::{step_view, StepCtx};
use super::super::components::{answers_summary, kept_from_before, may_apply, source_links};
use super::super::i18n::{fill, text, Msg};
use super::super::logic::{deciding_questions, plan_text, question_target};
use super::super::router::question_href;
use super::super::state::{content, AppState};
use leptos::prelude::*;
use passport_sos::content::{Lang, UNDETERMINED};
use passport_sos::engine::PlanStep;
use wasm_bindgen::prelude::*;

pub fn plan_page(state: AppState, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let c = content();
    if state.answers.with(|a| a.0.is_empty()) {
        return view! {
            <h2 id="page-heading" tabindex="-1">{t(Msg::PlanTitle)}</h2>
            <p>{t(Msg::NoAnswersYet)}</p>
            <p><a class="button big" href="#/questions/document_state">{t(Msg::StartButton)}</a></p>
        }
        .into_any();
    }
    let outcome = state.outcome();
    let left = state.answers.with(|a| {
        outcome.questions_in_play.iter().filter(|q| a.get(q).is_none()).count()
    });
    let pending = outcome.next_question.map(|q| {
        view! {
            <div class="notice">
                <p>{fill(t(Msg::QuestionsLeft), &[&left.to_string()])}</p>
                <p><a class="button" href=question_href(q)>{t(Msg::ContinueButton)}</a></p>
            </div>
        }
    });
    let route = c.route(outcome.route).map(|r| {
        view! {
            <section class="route" aria-labelledby="route-title">
                <p class="route-title" id="route-title">{r.title.get(lang)}</p>
                <p>{r.summary.get(lang)}</p>
                {source_links(&r.sources, lang)}
            </section>
        }
    });
    let possible = (!outcome.possible_routes.is_empty()).then(|| {
        let items = outcome
            .possible_routes
            .iter()
            .filter_map(|r| c.route(r))
            .map(|r| view! { <li>{r.title.get(lang)}</li> })
            .collect_view();
        view! { <p>{t(Msg::PossibleRoutes)}</p><ul>{items}</ul> }
    });
    let warnings = (!outcome.warnings.is_empty()).then(|| {
        let items = outcome
            .warnings
            .iter()
            .filter_map(|w| c.warning(w.id).map(|d| (w, d)))
            .map(|(w, d)| {
                let may = (!w.certain).then(|| may_apply(&outcome, &deciding_questions(c, &outcome, &w.because), lang));
                view! {
                    <li class="warning">
                        <h4>{d.title.get(lang)}</h4>
                        {may}
                        <p>{d.body.get(lang)}</p>
                        {source_links(&d.sources, lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="warnings" aria-labelledby="warnings-heading">
                <h3 id="warnings-heading">{t(Msg::ReadFirst)}</h3>
                <ul>{items}</ul>
            </section>
        }
    });

    let total = outcome.steps.len();
    let list = |steps: Vec<(usize, &PlanStep<'static>)>| {
        steps
            .into_iter()
            .map(|(n, s)| {
                let cx = StepCtx { state, outcome: &outcome, lang, alone: false, number: n + 1, total };
                view! { <li>{step_view(&cx, s)}</li> }
            })
            .collect_view()
    };
    let numbered: Vec<(usize, &PlanStep<'static>)> = outcome.steps.iter().enumerate().collect();
    let steps = if outcome.route == UNDETERMINED && outcome.steps.iter().any(|s| !s.certain) {
        let (sure, maybe): (Vec<_>, Vec<_>) = numbered.into_iter().partition(|(_, s)| s.certain);
        view! {
            <section aria-labelledby="steps-heading">
                <h3 id="steps-heading">{t(Msg::StepsAnyway)}</h3>
                <ol class="steps">{list(sure)}</ol>
            </section>
            <section aria-labelledby="maybe-heading">
                <h3 id="maybe-heading">{t(Msg::StepsMaybe)}</h3>
                <ol class="steps">{list(maybe)}</ol>
            </section>
        }
        .into_any()
    } else {
        view! {
            <section aria-labelledby="steps-heading">
                <h3 id="steps-heading">{t(Msg::OrderOfThings)}</h3>
                <ol class="steps">{list(numbered)}</ol>
            </section>
        }
        .into_any()
    };

    let open = (!outcome.open_questions.is_empty() || !outcome.unknowns.is_empty()).then(|| {
        let questions = outcome
            .open_questions
            .iter()
            .filter_map(|o| c.question(o.question))
            .map(|q| {
                view! {
                    <li>
                        <p><a href=question_href(question_target(c, &outcome, &q.id))>{q.text.get(lang)}</a></p>
                        <p class="hint">{t(Msg::WhoCanAnswer)}" "{q.who_can_answer.get(lang)}</p>
                    </li>
                }
            })
            .collect_view();
        let unknowns = outcome
            .unknowns
            .iter()
            .filter_map(|u| c.unknown(u.id).map(|d| (u, d)))
            .map(|(u, d)| {
                let may = (!u.certain).then(|| may_apply(&outcome, &deciding_questions(c, &outcome, &u.because), lang));
                view! {
                    <li>
                        <h4>{d.title.get(lang)}</h4>
                        {may}
                        <p>{d.body.get(lang)}</p>
                        <p class="hint">{t(Msg::WhoCanAnswer)}" "{d.who_can_answer.get(lang)}</p>
                        {source_links(&d.sources, lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="open" aria-labelledby="open-heading">
                <h3 id="open-heading">{t(Msg::OpenTitle)}</h3>
                {(!outcome.open_questions.is_empty()).then(|| view! { <p>{t(Msg::OpenIntro)}</p><ul class="open-questions">{questions}</ul> })}
                {(!outcome.unknowns.is_empty()).then(|| view! { <h4>{t(Msg::UnknownsTitle)}</h4><ul class="unknowns">{unknowns}</ul> })}
            </section>
        }
    });

    view! {
        <h2 id="page-heading" tabindex="-1">{t(Msg::PlanTitle)}</h2>
        {pending}
        {route}
        {possible}
        {warnings}
        {steps}
        {open}
        {answers_summary(state, lang)}
        {kept_from_before(state, lang)}
        {share(state, lang)}
    }
    .into_any()
}

/// "Copy plan as text" and "Print".
fn share(state: AppState, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    // None: not tried; Some(true): copied; Some(false): show the text to select by hand.
    let copied = RwSignal::new(None::<bool>);
    let plan = move || {
        let outcome = state.outcome();
        state.envelope.with_untracked(|e| state.answers.with_untracked(|a| plan_text(content(), &outcome, a, &e.progress, lang)))
    };
    let copy = move |_| {
        let body = plan();
        let Some(w) = web_sys::window() else { return copied.set(Some(false)) };
        let promise = w.navigator().clipboard().write_text(&body);
        let ok = Closure::once(move |_: JsValue| copied.set(Some(true)));
        let fail = Closure::once(move |_: JsValue| copied.set(Some(false)));
        let _ = promise.then2(&ok, &fail);
        ok.forget();
        fail.forget();
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h3 id="share-heading">{t(Msg::ShareHeading)}</h3>
            <p class="actions">
                <button type="button" on:click=copy>{t(Msg::CopyPlan)}</button>
                <button type="button" class="secondary" on:click=print>{t(Msg::Print)}</button>
            </p>
            <p role="status">
                {move || match copied.get() {
                    Some(true) => t(Msg::Copied),
                    Some(false) => t(Msg::CopyFailed),
                    None => "",
                }}
            </p>
            {move || (copied.get() == Some(false)).then(|| view! {
                <label class="block" for="plan-text">{t(Msg::PlanText)}</label>
                <textarea id="plan-text" readonly rows="12">{plan()}</textarea>
            })}
        </section>
    }
    .into_any()
}
