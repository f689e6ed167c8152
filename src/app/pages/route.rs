//! `#/routes/<route>`: what a route means, and, while the embassy's answer is open, the steps it
//! would add to the plan. Linked from the step that waits for that answer.

use super::super::components::source_links;
use super::super::i18n::{text, Msg};
use super::super::router::step_href;
use super::super::state::{content, AppState};
use super::super::dom::*;
use passport_sos::content::Lang;

pub fn route_page(state: AppState, id: &str, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let c = content();
    let Some(route) = c.routes.iter().find(|r| r.id == id) else { return super::not_found(lang) };
    let outcome = state.outcome();
    let mut out = vec![page_heading(route.title.get(lang))];
    out.extend(route.if_chosen.as_ref().map(|w| ctx("p", "if-chosen", w.get(lang))));
    out.push(tx("p", route.summary.get(lang)));
    out.push(source_links(&route.sources, lang));
    let status = if outcome.route == route.id {
        Some(t(Msg::RouteIsYours))
    } else if outcome.branches.iter().any(|b| b.route == route.id) {
        Some(t(Msg::RouteStillOpen))
    } else {
        None
    };
    out.extend(status.map(|s| ctx("p", "notice", s)));
    // The steps this route would add, each with what it asks of you, so the person can read
    // ahead; they become steps of the plan only once the answers choose this route.
    if let Some(branch) = outcome.branches.iter().find(|b| b.route == route.id) {
        let items = branch
            .steps
            .iter()
            .filter_map(|s| c.step(s))
            .map(|s| el("li").child(tx("h3", s.title.get(lang))).child(tx("p", s.what_to_do.get(lang))).child(source_links(&s.sources, lang)))
            .collect();
        out.push(section("", "route-steps-heading", t(Msg::RouteWouldAdd)).child(list("ol", "route-steps", items)));
    } else if outcome.route == route.id {
        let items = outcome
            .steps
            .iter()
            .filter_map(|s| c.step(s.id))
            .map(|s| el("li").child(link(&step_href(&s.id), s.title.get(lang))))
            .collect();
        out.push(section("", "route-steps-heading", t(Msg::OrderOfThings)).child(list("ol", "route-steps", items)));
    }
    out.push(el("p").class("actions").child(button_link("button secondary", "#/plan", &format!("← {}", t(Msg::BackToPlan)))));
    out
}
