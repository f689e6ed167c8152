//! `#/plan/<step>`: one step alone, with room for notes; a link that can be bookmarked.

use super::super::components::step::{step_view, StepCtx};
use super::super::i18n::{text, Msg};
use super::super::state::{content, AppState};
use super::super::dom::*;
use passport_sos::content::Lang;

pub fn step_page(state: AppState, id: &str, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let outcome = state.outcome();
    let back = el("p").class("actions").child(button_link("button secondary", "#/plan", &format!("← {}", t(Msg::BackToPlan))));
    let Some(n) = outcome.steps.iter().position(|s| s.id == id) else {
        let Some(def) = content().step(id) else { return super::not_found(lang) };
        return vec![page_heading(def.title.get(lang)), tx("p", t(Msg::StepNotInPlan)), back];
    };
    let cx = StepCtx { state, outcome: &outcome, lang, alone: true, number: n + 1, total: outcome.steps.len() };
    let mut out: Vec<El> = step_view(&cx, &outcome.steps[n]).into_iter().collect();
    out.push(back);
    out
}
