//! `#/`: what the guide does, and where to begin or carry on.

use super::super::components::answers_summary;
use super::super::i18n::{text, Msg};
use super::super::router::{question_href, topic_href};
use super::super::state::{content, AppState};
use super::super::dom::*;
use leptos::prelude::*;
use passport_sos::content::Lang;

pub fn start_page(state: AppState, lang: Lang) -> Vec<El> {
    let t = move |m| text(m, lang);
    let outcome = state.outcome();
    let started = !state.answers.get().0.is_empty();
    let next = outcome.next_question.map(question_href);
    let actions = el("p").class("actions");
    let actions = match (started, next) {
        (false, Some(href)) => actions.child(button_link("button big", &href, t(Msg::StartButton))),
        (true, Some(href)) => actions
            .child(button_link("button big", &href, t(Msg::ContinueButton)))
            .child(button_link("button big secondary", "#/plan", t(Msg::SeePlan))),
        (_, None) => actions.child(button_link("button big", "#/plan", t(Msg::SeePlan))),
    };
    let mut out = vec![page_heading(t(Msg::StartTitle))];
    // The installed app starts with its own, empty storage on iOS: offer to bring progress in
    // before the person answers everything again. In a tab with progress, offer the code
    // before they install.
    let installed = super::super::components::transfer::installed();
    if installed && !started {
        out.push(
            el("div")
                .class("notice transfer-offer")
                .id("transfer-offer")
                .child(tx("p", t(Msg::InstalledEmpty)))
                .child(el("p").child(button_link("button", "#/settings", t(Msg::InstalledEmptyAction)))),
        );
    }
    out.extend([tx("p", t(Msg::StartIntro)), ctx("p", "hint", t(Msg::StartPrivacy)), actions]);
    if !installed && started {
        out.push(
            el("div")
                .class("notice before-install")
                .child(tx("p", t(Msg::BeforeInstalling)))
                .child(super::super::components::transfer::copy_code(state, lang, "start-transfer-code")),
        );
    }
    // Reachable before any answer: a stolen bag often held the phone and the cards too.
    let topics: Vec<El> = content().topics.iter().map(|x| el("li").child(button_link("button secondary", &topic_href(&x.id), x.link.get(lang)))).collect();
    if !topics.is_empty() {
        out.push(section("also-gone", "also-gone-heading", t(Msg::AlsoGone)).child(list("ul", "topic-links", topics)));
    }
    if !installed {
        out.push(el("p").child(button_link("button secondary", "#/install", t(Msg::InstallHelpLink))));
    }
    if started {
        out.push(answers_summary(state, lang));
    }
    out
}
