//! `#/plan/<step>`: one step alone, with room for notes; a link that can be bookmarked.

use super::super::components::step::{step_view, StepCtx};
use super::super::i18n::{text, Msg};
use super::super::state::{content, AppState};
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn step_page(state: AppState, id: &str, lang: Lang) -> AnyView {
    let t = move |m| text(m, lang);
    let outcome = state.outcome();
    let back = view! { <p class="actions"><a class="button secondary" href="#/plan">{"← "}{t(Msg::BackToPlan)}</a></p> };
    let Some(n) = outcome.steps.iter().position(|s| s.id == id) else {
        let Some(def) = content().step(id) else { return super::not_found(lang) };
        return view! {
            <h2 id="page-heading" tabindex="-1">{def.title.get(lang)}</h2>
            <p>{t(Msg::StepNotInPlan)}</p>
            {back}
        }
        .into_any();
    };
    let cx = StepCtx { state, outcome: &outcome, lang, alone: true, number: n + 1, total: outcome.steps.len() };
    view! { {step_view(&cx, &outcome.steps[n])}{back} }.into_any()
}
