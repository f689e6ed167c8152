//! `#/`: what the guide does, and where to begin or carry on.

use super::super::components::answers_summary;
use super::super::i18n::{text, Msg};
use super::super::router::question_href;
use super::super::state::AppState;
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn start_page(state: AppState, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let outcome = state.outcome();
    let started = !state.answers.get().0.is_empty();
    let next = outcome.next_question.map(question_href);
    let primary = match (started, next) {
        (false, Some(href)) => view! { <a class="button big" href=href>{t(Msg::StartButton)}</a> }.into_any(),
        (true, Some(href)) => view! {
            <a class="button big" href=href>{t(Msg::ContinueButton)}</a>
            <a class="button big secondary" href="#/plan">{t(Msg::SeePlan)}</a>
        }
        .into_any(),
        (_, None) => view! { <a class="button big" href="#/plan">{t(Msg::SeePlan)}</a> }.into_any(),
    };
    view! {
        <h2 id="page-heading" tabindex="-1">{t(Msg::StartTitle)}</h2>
        <p>{t(Msg::StartIntro)}</p>
        <p class="hint">{t(Msg::StartPrivacy)}</p>
        <p class="actions">{primary}</p>
        {started.then(|| answers_summary(state, lang))}
    }
    .into_any()
}
